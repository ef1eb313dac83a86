"""Section 6: before/after rows for the waste removed from the RL rollout, measured alternately in one process.

Each round samples the same 50 four-digit episodes with every decoder variant, in an order that rotates from round to
round, so that machine drift (large on a shared VM: the same code measured 2.1 s and 1.3 s per rollout in two
sessions) falls on all variants alike. The fp32 variants compute the same logits up to rounding, so with the same
random stream they sample the same tokens (the share of identical episodes is reported).

- `hf_cache`: the model's own Hugging Face forward with its `DynamicCache`, one call per token (the first version).
- `kv_sdpa`: `KVDecoder` (preallocated cache, a screen-long forward) with PyTorch's SDPA kernel and a boolean mask.
- `kv_now`: `KVDecoder` as it is now: attention written out over an additive padding bias, fused tanh-GELU.
- `kv_now_bf16`: the same under bf16 autocast (not adopted: slower at this width).
- `kv_keys_t`: `KVDecoder(keys_transposed=True)`, keys stored `[hd, T]` so the score product reads them contiguously
  (an option; the default changes only if this measures faster on an idle machine).

Then the same alternation for the passes that train:
- `hf_default`: the model as `from_pretrained` gives it (GPT-2's Python `gelu_new`, SDPA attention);
- `eager` / `sdpa`: fused tanh-GELU with one attention kernel where gradients flow (the reference pass: SDPA);
- `fast_kernels`: as `pretrain` and `a2c_models` set the model up now (fused tanh-GELU, `train_attention`'s kernel:
  SDPA for pre-training's batches of 64, eager for the A2C minibatches of 10; SDPA for the reference pass);
- `fast_kernels_packed` (pre-training only): `fast_kernels` on packed rows (`PretrainConfig.pack`: the same examples
  per step, laid out without padding);
on pre-training steps at `cpu` (batch 64, N = 3, the recipe's mixed-length batches, bf16 autocast, AdamW; same
batches and initial weights for all; each variant in processes of its own, see `pretrain_ab`), and on the reference
pass and the A2C update of one collect (the `cpu` settings: minibatches of 10; the same episodes for all, variants
taking turns collect by collect in one process).
"""
from __future__ import annotations
import time
from pathlib import Path
import numpy as np
import torch
import torch.nn.functional as F
import klcritical.rollout as E
from klcritical.rollout import KVDecoder
from klcritical.config import get_profile
from klcritical.runs import load_checkpoint
from klcritical.model import make_model, use_fast_kernels
from klcritical.hardware import train_attention, bf16_supported
from klcritical.pretrain import make_pool
from klcritical.a2c import a2c_update, collect
from transformers.activations import ACT2FN
from klcritical.scratchpad import ADDITION as task
from common import Results, spread
from rl_speed import OursA2C, model_dir
from pretrain_speed import optimizer, train_step

SECTION = "6_before_after"


class SDPADecoder(KVDecoder):
    "`KVDecoder` with the attention of its previous version: `F.scaled_dot_product_attention` and a boolean mask."
    @torch.no_grad()
    def __call__(self, ids, pos, valid):
        tr, (B, S), t = self.lm.transformer, ids.shape, self.t
        self.key_bias[:, 0, 0, t:t + S] = torch.where(valid, 0.0, float("-inf"))
        key_ok = self.key_bias[:, 0, 0, :t + S] == 0                                           # [B, t+S]
        causal = torch.ones(S, t + S, dtype=torch.bool).tril(t)
        mask = causal[None, None] & key_ok[:, None, None, :]
        mask[..., t:] |= torch.eye(S, dtype=torch.bool)
        x = tr.wte(ids) + tr.wpe(pos)
        D = x.shape[-1]
        for i, blk in enumerate(tr.h):
            q, k, v = blk.attn.c_attn(blk.ln_1(x)).split(D, -1)
            q, k, v = (z.view(B, S, self.H, self.hd).transpose(1, 2) for z in (q, k, v))
            self.k[i, :, :, t:t + S], self.v[i, :, :, t:t + S] = k, v
            a = F.scaled_dot_product_attention(q, self.k[i, :, :, :t + S], self.v[i, :, :, :t + S], attn_mask=mask)
            x = x + blk.attn.c_proj(a.transpose(1, 2).reshape(B, S, D))
            x = x + blk.mlp(blk.ln_2(x))
        self.t = t + S
        return self.lm.lm_head(tr.ln_f(x[:, -1]))


VARIANTS = {  # name: (decoder factory for `klcritical.rollout.generate`, bf16 autocast)
    "hf_cache": (lambda lm, B, L: E._HFDecoder(lm), False),
    "kv_sdpa": (SDPADecoder, False),
    "kv_now": (KVDecoder, False),
    "kv_keys_t": (lambda lm, B, L: KVDecoder(lm, B, L, keys_transposed=True), False),   # keys stored [hd, T]
    "kv_now_bf16": (KVDecoder, True),
}


def hf_default_kernels(lm):
    "Undo `use_fast_kernels`: GPT-2's Python `gelu_new` and SDPA attention, as `from_pretrained` gives them."
    for blk in lm.transformer.h: blk.mlp.act = ACT2FN["gelu_new"]
    lm.config._attn_implementation = "sdpa"
    return lm


def rollout_ab(res: Results, quick: bool, checkpoint: str | None, digits: int = 4, episodes: int = 50, rounds: int | None = None) -> None:
    keep = []
    path, what = model_dir(checkpoint, keep)
    lm, tok, _ = load_checkpoint(path)
    rounds = rounds or (3 if quick else 6)
    res.add(SECTION, "setup", f"rollout of {episodes} episodes of {digits}+{digits} digits, temperature 1",
            notes=f"{what}; {len(VARIANTS)} decoders alternating over {rounds} rounds (+1 warm-up), same prompts and seeds")
    times = {k: [] for k in VARIANTS}
    tokens, same, total = {}, 0, 0
    try:
        for r in range(rounds + 1):
            pairs = task.sample(np.random.default_rng([r, 6]), digits, episodes)
            prompts = [task.prompt(x) for x in pairs]
            cap = max(len(task.target(x)) for x in pairs) + 32
            names = list(VARIANTS)
            names = names[r % len(names):] + names[:r % len(names)]
            texts = {}
            for name in names:
                E.KVDecoder, autocast = VARIANTS[name]
                t0 = time.perf_counter()
                g = E.generate(lm, tok, prompts, cap, temperature=1.0, generator=torch.Generator().manual_seed(r), autocast=autocast, stop_after=task.stop_after)
                if r: times[name].append(time.perf_counter() - t0); tokens[name] = int(g.gen_mask.sum())
                texts[name] = g.texts
            fp32 = [texts[n] for n in VARIANTS if not VARIANTS[n][1]]
            same += sum(len(set(row)) == 1 for row in zip(*fp32)); total += episodes
    finally:
        E.KVDecoder = KVDecoder
    base = float(np.median(times["hf_cache"]))
    for name, ts in times.items():
        m, note = spread(ts)
        res.add(SECTION, f"rollout_{name}_s", m, "s/rollout", f"{note}; {tokens[name] / m:,.0f} generated tokens/s; "
                f"{base / m:.2f}x the Hugging Face cache path")
    res.add(SECTION, "same_samples_share", same / total, "", "episodes sampled identically by all fp32 decoders (same seed)")


def _pretrain_models(p, batch_size: int) -> dict:
    return {"hf_default": lambda: hf_default_kernels(make_model(p, seed=0)),
            "eager": lambda: use_fast_kernels(make_model(p, seed=0), "eager"),
            "fast_kernels": lambda: use_fast_kernels(make_model(p, seed=0), train_attention("cpu", batch_size)),  # as `pretrain` does
            "fast_kernels_packed": lambda: use_fast_kernels(make_model(p, seed=0), train_attention("cpu", batch_size))}  # + pack=True


def pretrain_worker(variant: str, batch_size: int, digits: int, warmup: int, steps: int) -> dict:
    "In a fresh process: `warmup` + `steps` pre-training steps of one variant on the same batches every time."
    p = get_profile("cpu"); c = p.pretrain
    pool = make_pool(load_tok(), np.random.default_rng([0, 0]), digits, batch_size, warmup + steps, c.p_identical,
                     task.max_len(digits + c.pos_offset_digits), c.p_offset, c.bucket, c.p_longer, pack="_packed" in variant)
    model = _pretrain_models(p, batch_size)[variant.removesuffix("+compile")]().train()
    if variant.endswith("+compile"): model.compile()      # e.g. fast_kernels_packed+compile; its warm-up steps compile
    opt = optimizer(model, c)
    autocast = c.bf16 and bf16_supported()
    times, losses = [], []
    for i, b in enumerate(pool):
        t0 = time.perf_counter(); loss = train_step(model, opt, b, autocast, c)
        if i >= warmup: times.append(time.perf_counter() - t0)
        losses.append(float(loss.detach()))
    fill = sum(int(b["attention_mask"].sum()) for b in pool) / sum(b["input_ids"].numel() for b in pool)
    return dict(times=times, first_loss=losses[0], fill=fill, autocast=autocast)


def pretrain_ab(res: Results, quick: bool, rounds: int | None = None, batch_size: int = 64, digits: int = 3,
                warmup: int = 2, steps: int | None = None) -> None:
    """Each variant trains in a process of its own (`rounds` processes per variant, in rotating order): in one process,
    variants that take turns step by step share the allocator's state, and eager attention measured faster that way
    than in a real run (0.50 against 0.74-0.76 s/step alone)."""
    import json, subprocess, sys
    rounds, steps = rounds or (2 if quick else 3), steps or (3 if quick else 8)
    names = list(_pretrain_models(get_profile("cpu"), batch_size))
    out = {k: [] for k in names}
    for r in range(rounds):
        for k in names[r % len(names):] + names[:r % len(names)]:
            cmd = [sys.executable, __file__, "--pretrain-worker", k, str(batch_size), str(digits), str(warmup), str(steps)]
            proc = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=Path(__file__).parent)
            out[k].append(json.loads(proc.stdout.strip().splitlines()[-1]))
    d0 = out[names[0]][0]
    res.add(SECTION, "pretrain_setup", f"cpu shape, batch {batch_size} of N={digits}, bf16 autocast {'on' if d0['autocast'] else 'off'}",
            notes=f"{rounds} processes per variant in rotating order, {warmup} warm-up + {steps} timed steps each on the same "
                  f"batches from the same initial weights; {'bucketed' if get_profile('cpu').pretrain.bucket else 'mixed-length'} "
                  f"batches as the recipe makes them, {d0['fill']:.0%} real tokens")
    times = {k: [t for o in v for t in o["times"]] for k, v in out.items()}
    base = float(np.median(times["hf_default"]))
    for k, ts in times.items():
        m, note = spread(ts)
        res.add(SECTION, f"pretrain_step_{k}_s", m, "s/step", f"{note}; {base / m:.2f}x the default kernels")
    if "fast_kernels_packed" in out:
        res.add(SECTION, "pretrain_fill_packed", out["fast_kernels_packed"][0]["fill"], "", "share of real tokens with pack=True (same examples per step)")
    res.add(SECTION, "pretrain_first_loss_max_abs_diff", max(abs(v[0]["first_loss"] - d0["first_loss"]) for v in out.values()), "",
            "loss of the first step, largest difference from hf_default: same function, rounding only")


def update_ab(res: Results, quick: bool, checkpoint: str | None, digits: int = 4, rounds: int | None = None) -> None:
    keep = []
    path, what = model_dir(checkpoint, keep)
    cfg = get_profile("cpu").rl
    rounds = rounds or (3 if quick else 6)
    runs = {k: OursA2C.from_dir(path, cfg, digits) for k in ("hf_default", "sdpa", "fast_kernels")}   # fast_kernels: as `a2c_models` sets up
    hf_default_kernels(runs["hf_default"].ac.lm); hf_default_kernels(runs["hf_default"].ref_lm)
    use_fast_kernels(runs["sdpa"].ac.lm, "sdpa")                         # the fused kernel for the policy too
    times = {k: {"reference": [], "update": []} for k in runs}
    for r in range(rounds + 1):
        pairs = task.sample(np.random.default_rng([r, 8]), digits, cfg.episodes_per_collect)
        o = runs["fast_kernels"]
        batch = collect(o.ac, o.tok, pairs, cfg, torch.Generator().manual_seed(r))   # the same episodes for all
        names = list(runs); names = names[r % len(names):] + names[:r % len(names)]
        for k in names:
            o = runs[k]
            t0 = time.perf_counter(); s = a2c_update(o.ac, o.ref_lm, o.opt, batch, cfg); dt = time.perf_counter() - t0
            if r: times[k]["reference"].append(s["reference_s"]); times[k]["update"].append(dt - s["reference_s"])
    res.add(SECTION, "update_setup", f"reference pass + A2C update of {cfg.episodes_per_collect} episodes of {digits}+{digits} digits",
            notes=f"{what}; cpu RL settings (minibatch {cfg.minibatch_size}); {rounds} rotating collects (+1 warm-up)")
    for part in ("reference", "update"):
        base = float(np.median(times["hf_default"][part]))
        for k in times:
            m, note = spread(times[k][part])
            res.add(SECTION, f"{part}_{k}_s", m, "s/collect", f"{note}; {base / m:.2f}x the default kernels")


def load_tok():
    return task.tokenizer()


def run(res: Results, quick: bool, checkpoint: str | None) -> None:
    rollout_ab(res, quick, checkpoint)
    update_ab(res, quick, checkpoint)
    pretrain_ab(res, quick)


if __name__ == "__main__":   # the pre-training worker of `pretrain_ab`: one variant, one fresh process
    import json, sys
    if len(sys.argv) == 7 and sys.argv[1] == "--pretrain-worker":
        v, bs, dg, wu, st = sys.argv[2], *map(int, sys.argv[3:])
        print(json.dumps(pretrain_worker(v, bs, dg, wu, st)))
    else:
        sys.exit("usage: before_after.py --pretrain-worker VARIANT BATCH DIGITS WARMUP STEPS (run the section with bench/run.py --sections 6)")
