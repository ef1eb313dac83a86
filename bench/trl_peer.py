"""Section 4: our A2C collect beside TRL's `GRPOTrainer`, one step of each in turn in the same process.

Same model (both load one checkpoint directory), same prompts (4+4-digit additions from the task's `prompt`), 50 completions
per optimizer step, the same length cap, sampling at temperature 1 with no top-k/top-p, a reference model on both
sides (TRL: beta > 0), the same threads, and no gradient checkpointing (TRL turns it on by default; we do not use it).
Reward: +1 when the task's `is_correct` accepts the completion, -1 otherwise.
Dtype: our rollout runs in fp32 and, where `RLConfig.bf16` is on and the CPU has bf16, our reference pass and update
under bf16 autocast. TRL's `bf16=True` makes accelerate autocast every forward of the policy, generation included, so
the two cannot match exactly: `--trl-bf16 auto` (default) turns TRL's bf16 on when ours is on; `on`/`off` force it.

How the steps alternate: TRL's `Trainer.train()` runs the loop; a callback starts a clock at `on_step_begin` (before
TRL generates) and stops it at `on_step_end` (after its optimizer step), then runs one of our collects. So the order is
TRL, ours, TRL, ours, ... and the first pair is a warm-up. TRL's rollout time is measured by wrapping the policy's
`generate`, its reference pass by forward hooks on its reference model.

What differs and cannot be made equal: TRL stops a row at EOS or the cap; ours stops a row as soon as its answer line
is complete, which for a trained model is one token earlier (EOS follows the answer line in pre-training). With a
random model both run to the cap. Ours also trains a value head (A2C) and computes the certainty of the reference;
GRPO needs neither but groups completions by prompt (`num_generations` per prompt)."""
from __future__ import annotations
import tempfile, time
from dataclasses import dataclass, field
from pathlib import Path
import numpy as np
import torch
from klcritical.runs import load_checkpoint
from klcritical.scratchpad import ADDITION as task
from common import Results, spread
from rl_speed import OursA2C, dtype_policy, length_cap, model_dir, ours_bf16, report_collects, rl_config

SECTION = "4_trl_peer"


@dataclass
class TRLClock:
    "What one TRL step spent generating and in its reference pass, and what it generated."
    rollout: float = 0.0
    reference: float = 0.0
    gen_tokens: int = 0
    right: list = field(default_factory=list)
    _t_ref: float = 0.0

    def reset(self):
        self.rollout = self.reference = 0.0; self.gen_tokens = 0; self.right = []


def build_trainer(path: Path, cfg, digits: int, generations: int, n_steps: int, seed: int, clock: TRLClock,
                  callbacks: list, out_dir: str, bf16: bool):
    from datasets import Dataset
    from trl import GRPOConfig, GRPOTrainer
    E = cfg.episodes_per_collect
    if E % generations: raise ValueError(f"{E} completions per step is not a multiple of num_generations={generations}")
    pairs = task.sample(np.random.default_rng([seed, 200]), digits, n_steps * E // generations)
    ds = Dataset.from_dict(dict(prompt=[task.prompt(x) for x in pairs],
                                a=[int(a) for a, _ in pairs], b=[int(b) for _, b in pairs]))

    def addition_reward(completions, a, b, completion_ids, **kw):
        "+1 when the answer line holds a + b, -1 otherwise (the same reward as `collect`)."
        clock.gen_tokens += sum(len(c) for c in completion_ids)
        right = [task.is_correct((x, y), c) for c, x, y in zip(completions, a, b)]
        clock.right += right
        return [cfg.reward_right if r else cfg.reward_wrong for r in right]

    args = GRPOConfig(
        output_dir=out_dir, use_cpu=True, seed=seed,
        bf16=bf16, fp16=False, gradient_checkpointing=False,             # dtype as ours; no recomputation
        per_device_train_batch_size=E, gradient_accumulation_steps=1,     # one optimizer step on all 50 completions
        num_generations=generations, num_iterations=1,
        max_completion_length=cfg.max_new_tokens, temperature=cfg.temperature, top_p=1.0, top_k=0,
        beta=cfg.c_kl,                                                     # > 0: TRL loads and runs a reference model
        learning_rate=cfg.lr, max_grad_norm=1.0, lr_scheduler_type="constant",
        max_steps=n_steps, disable_dropout=True,
        logging_strategy="no", save_strategy="no", report_to="none", disable_tqdm=True, dataloader_num_workers=0,
    )
    policy = load_checkpoint(path)[0]                # config._name_or_path = path: TRL builds its reference from it
    tok = load_checkpoint(path)[1]
    tok.padding_side = "left"
    trainer = GRPOTrainer(model=policy, reward_funcs=addition_reward, args=args, train_dataset=ds,
                          processing_class=tok, callbacks=callbacks)
    # instrument: the rollout is `generate` on the policy, the reference pass is every forward of the reference model
    gen = trainer.model.generate
    def timed_generate(*a, **k):
        t = time.perf_counter(); out = gen(*a, **k); clock.rollout += time.perf_counter() - t; return out
    trainer.model.generate = timed_generate
    if trainer.ref_model is None: raise RuntimeError("TRL built no reference model although beta > 0")
    def pre(mod, args_, kwargs_): clock._t_ref = time.perf_counter()
    def post(mod, args_, kwargs_, out): clock.reference += time.perf_counter() - clock._t_ref
    trainer.ref_model.register_forward_pre_hook(pre, with_kwargs=True)
    trainer.ref_model.register_forward_hook(post, with_kwargs=True)
    return trainer


def run(res: Results, quick: bool, checkpoint: str | None, digits: int = 4, episodes: int = 50, generations: int = 5,
        trl_bf16: str = "auto", seed: int = 0) -> None:
    try:
        import trl
        from transformers import TrainerCallback
    except ImportError:
        res.add(SECTION, "skipped", "TRL not installed", notes='pip install -e ".[bench]"'); return
    keep = []
    path, what = model_dir(checkpoint, keep)
    cap = length_cap(digits)
    cfg = rl_config(episodes, cap)
    warmup, rounds = (1, 2) if quick else (1, 5)
    ours = OursA2C.from_dir(path, cfg, digits, seed)
    bf16 = ours_bf16(cfg) if trl_bf16 == "auto" else trl_bf16 == "on"
    clock = TRLClock()
    trl_runs, our_runs, threads = [], [], []

    class Alternate(TrainerCallback):
        def on_step_begin(self, args, state, control, **kw):
            clock.reset(); self.t0 = time.perf_counter()

        def on_step_end(self, args, state, control, **kw):
            total = time.perf_counter() - self.t0
            threads.append(torch.get_num_threads())
            trl_runs.append(dict(total=total, rollout=clock.rollout, reference=clock.reference,
                                 update=total - clock.rollout - clock.reference, gen_tokens=clock.gen_tokens,
                                 episodes=episodes, success=float(np.mean(clock.right))))
            our_runs.append(ours.step())

    with tempfile.TemporaryDirectory(prefix="klbench-trl-") as out_dir:
        trainer = build_trainer(path, cfg, digits, generations, warmup + rounds, seed, clock, [Alternate()], out_dir, bf16)
        trainer.train()
    trl_runs, our_runs = trl_runs[warmup:], our_runs[warmup:]
    res.add(SECTION, "setup", f"{episodes} completions/step of {digits}+{digits} digits, cap {cap} tokens",
            notes=f"{what}; TRL {trl.__version__} GRPOTrainer: {episodes // generations} prompts x {generations} "
                  f"generations, beta={cfg.c_kl:g}, "
                  + ("bf16=True (accelerate autocasts every forward, generation included)" if bf16 else "bf16=False (fp32)")
                  + f", no gradient checkpointing; ours: A2C cpu settings, {dtype_policy(cfg)}; "
                  f"alternating TRL/ours, {warmup} warm-up + {rounds} timed pairs; threads {sorted(set(threads))}")
    report_collects(res, SECTION, our_runs, prefix="ours_")
    report_collects(res, SECTION, trl_runs, prefix="trl_")
    ratios = [(o["episodes"] / o["total"]) / (t["episodes"] / t["total"]) for o, t in zip(our_runs, trl_runs)]
    m, note = spread(ratios)
    res.add(SECTION, "ratio_ours_over_trl", m, "x", f"episodes/s ours / TRL, pair by pair; {note}")
    m, note = spread([(o["gen_tokens"] / o["rollout"]) / (t["gen_tokens"] / t["rollout"]) for o, t in zip(our_runs, trl_runs)])
    res.add(SECTION, "rollout_tokens_per_s_ratio", m, "x", f"generated tokens/s in the rollout, ours / TRL; {note}")
    res.add(SECTION, "stopping_note", "ours stops at the answer line, TRL at EOS or cap",
            notes="compare gen_tokens_per_episode: with a random model both run to the cap")
