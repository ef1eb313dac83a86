"""Section 3: one A2C collect at `cpu`, split into rollout, reference pass and update, exactly as `train_a2c` times it."""
from __future__ import annotations
import copy, tempfile, time
from dataclasses import dataclass, replace
from pathlib import Path
import numpy as np
import torch
import torch.nn as nn
from klcritical.a2c import ActorCritic, a2c_models, a2c_step
from klcritical.config import get_profile, RLConfig
from klcritical.runs import load_checkpoint, save_checkpoint
from klcritical.model import make_model
from klcritical.scratchpad import ADDITION as task
from common import Results, fmt, spread

SECTION = "3_rl_collect"


def length_cap(digits: int) -> int:
    "The generation cap `collect` would set for a batch holding the longest `digits`+`digits` addition: its target + 32."
    return len(task.target(task.longest(digits))) + 32


def model_dir(checkpoint: str | None, keep: list) -> tuple[Path, str]:
    """A checkpoint directory and a note on what it holds: `checkpoint`, or a freshly initialised `cpu` model saved to
    a temporary directory (TRL builds its reference model from a path, so both sides load the same directory)."""
    if checkpoint: return Path(checkpoint), f"checkpoint {checkpoint}"
    tmp = tempfile.TemporaryDirectory(prefix="klbench-"); keep.append(tmp)
    path = Path(tmp.name) / "fresh-cpu"
    tok = task.tokenizer()
    lm = make_model("cpu", seed=0)
    suppress_eos(lm, tok.eos_token_id)
    save_checkpoint(path, lm, tok, dict(kind="random init with EOS suppressed (benchmark)", profile="cpu"))
    return path, "freshly initialised cpu model, EOS suppressed so rows run to the cap"


def suppress_eos(lm, eos_id: int) -> None:
    """Make a random `lm` never emit end-of-text, by its weights alone (so every code path, ours or TRL's, sees it):
    hidden unit 0 after the final layer norm is pinned to 1 and the EOS row of the (tied) output matrix gets -1e4
    there, so the EOS logit is about -1e4. A random model samples EOS about once in 42 tokens and would stop after
    ~40 tokens; without EOS its rows run to the cap (target + 32 tokens), about as long as a trained model's episodes.
    Only for random models: a checkpoint is measured as it is."""
    with torch.no_grad():
        lm.transformer.ln_f.weight[0] = 0.0
        lm.transformer.ln_f.bias[0] = 1.0
        lm.lm_head.weight[eos_id, 0] = -1e4


@dataclass
class OursA2C:
    """Our A2C loop body, set up as `train_a2c` sets it up: a frozen reference, the policy with its value head, Adam,
    one random stream; `step()` runs one collect (rollout, reference pass, update) and times its parts."""
    ac: ActorCritic
    ref_lm: nn.Module
    tok: object
    cfg: RLConfig
    digits: int
    seed: int = 0

    def __post_init__(self):
        self.opt = torch.optim.Adam(self.ac.parameters(), lr=self.cfg.lr)
        self.gen = torch.Generator().manual_seed(self.seed)
        self.k = 0

    @classmethod
    def from_dir(cls, path: Path, cfg: RLConfig, digits: int, seed: int = 0) -> "OursA2C":
        ref_lm, tok, _ = load_checkpoint(path)
        return cls(*a2c_models(ref_lm, load_checkpoint(path)[0], cfg.value_hidden, minibatch_size=cfg.minibatch_size), tok, cfg, digits, seed)

    @classmethod
    def from_model(cls, lm, tok, cfg: RLConfig, digits: int, seed: int = 0) -> "OursA2C":
        "From a model in memory; the reference is a copy of it."
        return cls(*a2c_models(copy.deepcopy(lm), lm, cfg.value_hidden, minibatch_size=cfg.minibatch_size), tok, cfg, digits, seed)

    def step(self) -> dict:
        pairs = task.sample(np.random.default_rng([self.seed, 100, self.k]), self.digits, self.cfg.episodes_per_collect)
        self.k += 1
        s, batch = a2c_step(self.ac, self.ref_lm, self.opt, self.tok, pairs, self.cfg, self.gen)
        return dict(total=s["seconds"], rollout=s["rollout_s"], reference=s["reference_s"], update=s["update_s"],
                    gen_tokens=s["gen_tokens"], decode_steps=batch["gen"].gen_mask.shape[1], episodes=len(pairs),
                    success=s["success"], finished=float(batch["gen"].finished.float().mean()))


def ours_bf16(cfg: RLConfig) -> bool:
    "Whether our reference pass and update run under bf16 autocast (`RLConfig.bf16`, where the library has it)."
    from klcritical.hardware import bf16_supported
    return bool(getattr(cfg, "bf16", False)) and bf16_supported()


def dtype_policy(cfg: RLConfig) -> str:
    return "rollout fp32, reference and update " + ("bf16 autocast" if ours_bf16(cfg) else "fp32")


def rl_config(episodes: int, cap: int) -> RLConfig:
    "The `cpu` RL settings with `episodes` per collect in one minibatch and a fixed generation cap."
    return replace(get_profile("cpu").rl, episodes_per_collect=episodes, minibatch_size=episodes, max_new_tokens=cap)


def report_collects(res: Results, section: str, runs: list[dict], prefix: str = "") -> None:
    "Rows for a list of timed collects: the split, episodes/s, generated tokens and their rate during the rollout."
    for part in ("rollout", "reference", "update", "total"):
        m, note = spread([r[part] for r in runs])
        res.add(section, f"{prefix}{part}_s", m, "s/collect", note)
    eps = runs[0]["episodes"]
    m, note = spread([r["episodes"] / r["total"] for r in runs])
    res.add(section, f"{prefix}episodes_per_s", m, "episodes/s", note)
    m, note = spread([r["gen_tokens"] / r["episodes"] for r in runs])
    res.add(section, f"{prefix}gen_tokens_per_episode", m, "tokens", note)
    m, note = spread([r["gen_tokens"] / r["rollout"] for r in runs])
    res.add(section, f"{prefix}rollout_tokens_per_s", m, "tokens/s", f"generated tokens / rollout time; {note}")
    if "decode_steps" in runs[0]:
        res.add(section, f"{prefix}decode_steps", max(r["decode_steps"] for r in runs), "steps",
                f"batch of {eps}: forward calls of the rollout after the prompt")
        res.add(section, f"{prefix}finished_share", float(np.mean([r["finished"] for r in runs])), "",
                "share of episodes that ended (answer line complete, or EOS) before the cap")


def run(res: Results, quick: bool, checkpoint: str | None, digits: int = 4, episodes: int = 50, seed: int = 0) -> None:
    keep = []
    path, what = model_dir(checkpoint, keep)
    cap = length_cap(digits)
    cfg = rl_config(episodes, cap)
    warmup, timed = (1, 2) if quick else (1, 5)
    res.add(SECTION, "setup", f"{episodes} episodes of {digits}+{digits} digits, cap {cap} tokens",
            notes=f"{what}; cpu RL settings (minibatch {cfg.minibatch_size}; {dtype_policy(cfg)}); "
                  f"{warmup} warm-up + {timed} timed collects")
    ours = OursA2C.from_dir(path, cfg, digits, seed)
    for _ in range(warmup): ours.step()
    report_collects(res, SECTION, [ours.step() for _ in range(timed)])
    if not quick: token_minibatch_collect(res, path, cfg, digits, seed)


def token_minibatch_collect(res: Results, path: Path, cfg: RLConfig, digits: int, seed: int = 0, size: int = 2) -> None:
    "One collect with the authors' learner: minibatches of `size` generated tokens (thousands of Adam steps per collect)."
    tcfg = replace(cfg, minibatch_unit="token", minibatch_size=size)
    ours = OursA2C.from_dir(path, tcfg, digits, seed)
    r = ours.step()
    for part in ("rollout", "reference", "update", "total"):
        res.add(SECTION, f"token{size}_{part}_s", r[part], "s/collect",
                f"one collect, minibatches of {size} tokens: {r['gen_tokens']} tokens, {-(-r['gen_tokens'] // size)} Adam steps")
