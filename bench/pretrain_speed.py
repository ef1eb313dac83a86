"""Sections 1 and 2: the matmul peak of this CPU, and pre-training throughput and model FLOP utilization."""
from __future__ import annotations
import time
from dataclasses import dataclass
import numpy as np
import torch
from klcritical.config import get_profile
from klcritical.model import make_model, n_params, use_fast_kernels
from klcritical.pretrain import _adamw, _train_step, flops_per_token, make_pool
from klcritical.hardware import bf16_supported, matmul_peak
from klcritical.scratchpad import ADDITION
from common import Results, spread

S_PEAK, S_PRE = "1_matmul_peak", "2_pretrain"


def peaks(res: Results, quick: bool) -> dict[str, float]:
    "bf16 and fp32 GFLOP/s of a 1024² matmul, measured now (`klcritical.hardware.matmul_peak`)."
    out = {}
    for name, dt in (("bf16", torch.bfloat16), ("fp32", torch.float32)):
        out[name] = matmul_peak(dt, n=1024, seconds=0.5 if quick else 2.0)
        res.add(S_PEAK, f"matmul_{name}", out[name], "GFLOP/s", f"1024x1024 @ 1024x1024, {torch.get_num_threads()} threads")
    return out


@dataclass
class Case:
    label: str        # row-name prefix
    profile: str      # model shape and pre-training recipe
    digits: int       # N of the batches
    batch_size: int   # examples per step
    warmup: int
    steps: int        # timed steps
    breakdown: bool = False   # profile 3 more steps: where the time goes


def cases(quick: bool) -> list[Case]:
    if quick:
        return [Case("tiny", "tiny", 2, 16, 3, 10), Case("cpu", "cpu", 3, 64, 2, 5, True), Case("paper_b4", "paper", 7, 4, 1, 1)]
    return [Case("tiny", "tiny", 2, 16, 5, 50), Case("cpu", "cpu", 3, 64, 5, 30, True), Case("paper_b4", "paper", 7, 4, 2, 5)]


def optimizer(model, c) -> tuple:
    "AdamW as `pretrain` sets it up, at the recipe's peak learning rate throughout (a constant schedule)."
    opt = _adamw(model, c.lr, c)
    return opt, torch.optim.lr_scheduler.LambdaLR(opt, lambda step: 1.0)


def train_step(model, opt_sched: tuple, b: dict, autocast: bool, c) -> torch.Tensor:
    "One optimizer step exactly as `pretrain` makes it: its own step function."
    opt, sched = opt_sched
    return _train_step(model, opt, sched, b, c, autocast)


def throughput(res: Results, case: Case, peak: dict[str, float], seed: int = 0) -> None:
    p = get_profile(case.profile); c = p.pretrain
    tok = ADDITION.tokenizer()
    model = use_fast_kernels(make_model(p, seed=seed)).train()   # as `pretrain` sets it up
    opt = optimizer(model, c)
    autocast = c.bf16 and bf16_supported()
    offset_span = ADDITION.max_len(case.digits + c.pos_offset_digits) if c.pos_offset_digits > 0 else 0
    n_batches = max(c.pool_batches, case.warmup + case.steps + 3 * case.breakdown)
    pool = make_pool(tok, np.random.default_rng([seed, 0]), case.digits, case.batch_size, n_batches,
                     c.p_identical, offset_span, c.p_offset, c.bucket, c.p_longer)   # the recipe's batches
    fpt = flops_per_token(model, ADDITION.max_len(case.digits) / 2)        # the same FLOP count `pretrain` logs
    for b in pool[:case.warmup]: train_step(model, opt, b, autocast, c)
    secs, toks, padded = [], [], []
    for b in pool[case.warmup:case.warmup + case.steps]:
        t0 = time.perf_counter()
        train_step(model, opt, b, autocast, c)
        secs.append(time.perf_counter() - t0)
        toks.append(int(b["attention_mask"].sum())); padded.append(b["input_ids"].numel())
    tps = sum(toks) / sum(secs)
    gflops = tps * fpt / 1e9
    L = case.label
    step_s, note = spread(secs)
    res.add(S_PRE, f"{L}_setup", f"{n_params(model) / 1e6:.2f}M params, batch {case.batch_size} of N={case.digits}",
            notes=f"{case.profile} shape and recipe; bf16 autocast {'on' if autocast else 'off'}; "
                  f"{case.warmup} warm-up + {case.steps} timed steps on make_pool batches")
    res.add(S_PRE, f"{L}_step_s", step_s, "s/step", note)
    res.add(S_PRE, f"{L}_tokens_per_s", tps, "tokens/s",
            f"real (unpadded) tokens; padding {1 - sum(toks) / sum(padded):.0%} of the batch positions")
    res.add(S_PRE, f"{L}_model_gflops", gflops, "GFLOP/s", f"flops_per_token = {fpt / 1e6:.2f} MFLOP (fwd+bwd, context N/2)")
    for k in ("bf16", "fp32"):
        res.add(S_PRE, f"{L}_mfu_{k}", gflops / peak[k], "fraction", f"model GFLOP/s over the {k} matmul peak measured in this run")
    if case.breakdown:
        rest = pool[case.warmup + case.steps:] or pool[:3]
        for kind, share in step_breakdown(model, opt, rest[:3], autocast, c).items():
            res.add(S_PRE, f"{L}_time_share_{kind}", share, "fraction", "of the self CPU time of 3 profiled steps (torch.profiler)")


# operator-name fragments -> where a training step's time goes (first match wins)
KINDS = (("attention", ("scaled_dot_product", "softmax", "bmm", "baddbmm")),
         ("matmul", ("aten::mm", "aten::addmm", "aten::matmul", "aten::linear")),
         ("gelu", ("gelu",)),
         ("layer_norm", ("layer_norm",)),
         ("optimizer", ("adam", "foreach", "optimizer", "lerp", "sqrt", "addcdiv", "addcmul", "clip_grad", "norm")),
         ("loss", ("cross_entropy", "nll_loss", "log_softmax")),
         ("copies_and_casts", ("copy_", "_to_copy", "cat", "where", "index", "embedding", "fill_", "zero_")))


def step_breakdown(model, opt, batches: list[dict], autocast: bool, c) -> dict[str, float]:
    "Share of self CPU time per kind of operator (`KINDS`, plus `other`) over training steps on `batches`."
    from torch.profiler import ProfilerActivity, profile
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        for b in batches: train_step(model, opt, b, autocast, c)
    acc = {k: 0.0 for k, _ in KINDS} | {"other": 0.0}
    for ev in prof.key_averages():
        name = ev.key.lower()
        kind = next((k for k, frags in KINDS if any(f in name for f in frags)), "other")
        acc[kind] += ev.self_cpu_time_total
    total = sum(acc.values()) or 1.0
    return {k: v / total for k, v in acc.items()}


def run(res: Results, quick: bool, peak: dict[str, float] | None) -> None:
    if peak is None: peak = peaks(res, quick)
    for case in cases(quick): throughput(res, case, peak)
