"""Where the time of one A2C collect goes: torch.profiler tables of the rollout, the reference pass and the update.

    python bench/profile_collect.py --checkpoint outputs/cpu/checkpoints/N3 [--rows 15] [--threads 2]

Prints, for each part of one collect of 50 four-digit episodes at the `cpu` settings (minibatches of 10), the
operators that took the most self CPU time. Not part of `make bench`; run it before optimising anything."""
from __future__ import annotations
import argparse, sys, time
from pathlib import Path
import numpy as np
import torch
from torch.profiler import ProfilerActivity, profile

sys.path.insert(0, str(Path(__file__).resolve().parent))
from klcritical.a2c import a2c_update, collect
from klcritical.config import get_profile
from klcritical.scratchpad import ADDITION as task
from rl_speed import OursA2C, model_dir


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", default=None, help="pre-trained model directory (default: a fresh cpu model)")
    ap.add_argument("--rows", type=int, default=15, help="operators shown per part")
    ap.add_argument("--threads", type=int, default=None)
    a = ap.parse_args(argv)
    if a.threads: torch.set_num_threads(a.threads)
    keep = []
    path, what = model_dir(a.checkpoint, keep)
    cfg = get_profile("cpu").rl
    ours = OursA2C.from_dir(path, cfg, digits=4)
    ours.step()                                                      # warm-up
    pairs = task.sample(np.random.default_rng([0, 7]), 4, cfg.episodes_per_collect)
    print(f"{what}; {torch.get_num_threads()} threads; cpu RL settings (minibatch {cfg.minibatch_size})")
    with profile(activities=[ProfilerActivity.CPU]) as p_roll:
        t = time.perf_counter(); batch = collect(ours.ac, ours.tok, pairs, cfg, ours.gen); t_roll = time.perf_counter() - t
    with profile(activities=[ProfilerActivity.CPU]) as p_upd:
        t = time.perf_counter(); s = a2c_update(ours.ac, ours.ref_lm, ours.opt, batch, cfg); t_upd = time.perf_counter() - t
    print(f"\nrollout {t_roll:.2f} s ({batch['gen'].gen_mask.shape[1]} decode steps, {int(batch['gen'].gen_mask.sum())} tokens), "
          f"reference pass {s['reference_s']:.2f} s, update {t_upd - s['reference_s']:.2f} s (times under the profiler)")
    for name, prof in (("rollout", p_roll), ("reference pass + update", p_upd)):
        print(f"\n== {name}")
        print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=a.rows))


if __name__ == "__main__":
    main()
