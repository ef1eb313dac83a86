"""Section 5: time and peak memory of one collect as the operand length grows (cpu shape) and as the model grows
(fixed length), with a log-log plot and the fitted exponents. Every point runs in a fresh child process, so its peak
RSS is its own and not what an earlier, larger point left in the allocator."""
from __future__ import annotations
import math
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
import numpy as np
from klcritical.config import ModelShape, get_profile
from klcritical.model import make_model, n_params
from klcritical.scratchpad import ADDITION as task
from common import PeakRSS, Results, fmt
from rl_speed import OursA2C, dtype_policy, length_cap, rl_config, suppress_eos

S_LEN, S_MOD = "5_scaling_length", "5_scaling_model"

# the model ladder at a fixed length: the three profiles, plus Lee et al.'s scratchpad shape between cpu and paper
SHAPES = {"tiny": get_profile("tiny").model, "cpu": get_profile("cpu").model,
          "lee_6x384": ModelShape(n_layer=6, n_head=6, n_embd=384, n_positions=1024), "paper": get_profile("paper").model}


def slope(x, y) -> float:
    "Least-squares slope of log y against log x."
    if len(x) < 2: return float("nan")
    return float(np.polyfit(np.log(np.asarray(x, float)), np.log(np.asarray(y, float)), 1)[0])


def _point(shape: ModelShape, digits: int, episodes: int, full_warmup: bool, threads: int) -> dict:
    """In a child process: build a random model of `shape`, warm up, then time one collect under a peak-RSS meter.
    The warm-up is a whole collect like the timed one (`full_warmup`), or a cheap one (2 episodes of 1 digit) that
    still runs every code path once."""
    import torch
    torch.set_num_threads(threads)
    tok = task.tokenizer()
    lm = make_model(get_profile("cpu").with_(model=shape), seed=0)
    suppress_eos(lm, tok.eos_token_id)
    P = n_params(lm)
    ours = OursA2C.from_model(lm, tok, rl_config(episodes, length_cap(digits)), digits)
    if full_warmup: ours.step()
    else:
        keep = ours.cfg, ours.digits
        ours.cfg, ours.digits = rl_config(2, length_cap(1)), 1
        ours.step()
        ours.cfg, ours.digits = keep
    with PeakRSS() as mem: r = ours.step()
    return dict(r, peak_mib=mem.peak_mib, rise_mib=mem.rise_mib, base_mib=mem.base / 1024 if mem.base else float("nan"),
                params=P)


def one_collect(shape: ModelShape, digits: int, episodes: int, full_warmup: bool) -> dict:
    "`_point` in a fresh process (spawned, so nothing is inherited but the arguments)."
    import torch
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as ex:
        return ex.submit(_point, shape, digits, episodes, full_warmup, torch.get_num_threads()).result()


def by_length(res: Results, quick: bool) -> list[dict]:
    lengths = [4, 9, 14] if quick else list(range(4, 15))
    episodes = 8 if quick else 50
    longest = len(task.prompt(task.longest(max(lengths)))) + length_cap(max(lengths))
    n_pos = 256 * math.ceil(longest / 256)
    shape = get_profile("cpu", model__n_positions=n_pos).model
    res.add(S_LEN, "setup", f"cpu shape, {episodes} episodes/collect, N+1 = {lengths[0]}..{lengths[-1]}",
            notes=f"context widened to {n_pos} positions so {max(lengths)}-digit prompts + cap fit; random init with EOS "
                  f"suppressed, so every row runs to the cap (target + 32); "
                  + ("a cheap warm-up (2 episodes of 1 digit)" if quick else "a warm-up collect like the timed one")
                  + " in a fresh process per point; peak RSS of that process during the timed collect")
    rows = []
    for L in lengths:
        r = one_collect(shape, L, episodes, full_warmup=not quick)
        rows.append(dict(r, x=L))
        res.add(S_LEN, f"N+1={L}_collect_s", r["total"], "s",
                f"rollout {fmt(r['rollout'])} + reference {fmt(r['reference'])} + update {fmt(r['update'])}; "
                f"{fmt(r['gen_tokens'] / r['episodes'])} tokens/episode")
        res.add(S_LEN, f"N+1={L}_peak_rss", r["peak_mib"], "MiB",
                f"rise over the RSS before the collect (model, reference and optimizer loaded, {fmt(r['base_mib'])} MiB): {fmt(r['rise_mib'])} MiB")
    xs = [r["x"] for r in rows]
    res.add(S_LEN, "exponent_time_vs_length", slope(xs, [r["total"] for r in rows]), "",
            "slope of log collect time vs log digits (random model: tokens grow ~ digits^2)")
    res.add(S_LEN, "exponent_time_vs_tokens", slope([r["gen_tokens"] for r in rows], [r["total"] for r in rows]), "",
            "slope of log collect time vs log generated tokens")
    res.add(S_LEN, "exponent_rss_rise_vs_length", slope(xs, [max(r["rise_mib"], 1e-3) for r in rows]), "",
            "slope of log (peak RSS - RSS before) vs log digits")
    return rows


def by_model(res: Results, quick: bool, digits: int = 4) -> list[dict]:
    episodes = 8 if quick else 50
    res.add(S_MOD, "setup", f"N+1 = {digits}, {episodes} episodes/collect, models {' -> '.join(SHAPES)}",
            notes="random init with EOS suppressed (rows run to the cap), cpu RL settings with the whole collect in one "
                  "minibatch, " + dtype_policy(rl_config(1, 1)) + "; " + ("a cheap warm-up" if quick else "a warm-up collect like the timed one")
                  + " in a fresh process per model")
    rows = []
    for name, shape in SHAPES.items():
        r = one_collect(shape, digits, episodes, full_warmup=not quick)
        P = r["params"]
        rows.append(dict(r, x=P, name=name))
        res.add(S_MOD, f"{name}_collect_s", r["total"], "s",
                f"{P / 1e6:.2f}M params; rollout {fmt(r['rollout'])} + reference {fmt(r['reference'])} + update {fmt(r['update'])}")
        res.add(S_MOD, f"{name}_peak_rss", r["peak_mib"], "MiB",
                f"rise over the RSS before the collect (model, reference and optimizer loaded, {fmt(r['base_mib'])} MiB): {fmt(r['rise_mib'])} MiB")
    res.add(S_MOD, "exponent_time_vs_params", slope([r["x"] for r in rows], [r["total"] for r in rows]), "",
            "slope of log collect time vs log parameters (all models)")
    big = [r for r in rows if r["x"] >= 5e5]
    res.add(S_MOD, "exponent_time_vs_params_large", slope([r["x"] for r in big], [r["total"] for r in big]), "",
            "the same over the models of 0.5M parameters and more (tiny is overhead-bound)")
    return rows


def plot(len_rows: list[dict] | None, mod_rows: list[dict] | None, path: Path, title: str) -> Path:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt, seaborn as sns
    from matplotlib.ticker import FuncFormatter, LogLocator
    sns.set_theme(style="whitegrid")
    panels = [(r, lab) for r, lab in ((len_rows, "operand length N+1 (digits)"), (mod_rows, "parameters")) if r]
    fig, axes = plt.subplots(2, len(panels), figsize=(5.5 * len(panels), 7.5), squeeze=False)
    for j, (rows, xlabel) in enumerate(panels):
        x = np.array([r["x"] for r in rows], float)
        for i, (keys, ylabel) in enumerate(((("rollout", "reference", "update", "total"), "seconds per collect"),
                                            (("peak_mib", "rise_mib"), "MiB"))):
            ax = axes[i, j]
            for k in keys:
                y = np.array([max(r[k], 1e-3) for r in rows], float)
                ax.plot(x, y, "o-", label=f"{k} (slope {slope(x, y):.2f})")
            ax.set(xscale="log", yscale="log", xlabel=xlabel, ylabel=ylabel)
            ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1, 2, 5)))      # labelled ticks even on narrow ranges
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
            if rows and "name" in rows[0]:
                for r in rows: ax.annotate(r["name"], (r["x"], max(r[keys[-1]], 1e-3)), fontsize=8, xytext=(3, 3), textcoords="offset points")
            else: ax.set_xticks(x, [str(int(v)) for v in x]); ax.minorticks_off()
            ax.legend(fontsize=8)
    axes[0, 0].set_title("collect time"); fig.suptitle(title); fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120); plt.close(fig)
    return path
