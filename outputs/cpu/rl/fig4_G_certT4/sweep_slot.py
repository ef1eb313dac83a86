"""[Moved here from outputs/cpu/rl/ after the run: it wrote outputs/cpu/rl/fig4 from the pre-training-trial-G checkpoint with certainty_temperature 4, the cpu defaults of that session.]
Run part of the Fig. 4 sweep in this process, so that two processes (one thread each) share the 2 cores.
The runs land where `nbs/experiments/02_rl_prioritized_kl.ipynb` looks for them; that notebook then only aggregates.
Usage (repo root, .venv active):
    OMP_NUM_THREADS=1 python outputs/cpu/rl/sweep_slot.py SLOT N_SLOTS N_SEEDS TOTAL_EPISODES"""
import sys
from pathlib import Path
from klcritical.a2c import sweep
slot, n_slots, n_seeds, episodes = map(int, sys.argv[1:5])
arms = [("standard KL", 0.0, None), ("prioritized KL", 150.0, None), ("no KL", 0.0, 0.0)]
runs = {f"{arm.replace(' ', '_')}_seed{seed}": dict(profile="cpu", N=3, target_digits=4, arm=arm, beta=beta, c_kl=c_kl, seed=seed,
                                                    total_episodes=episodes, rl_overrides="{}", out_root="outputs")
        for seed in range(n_seeds) for arm, beta, c_kl in arms}
mine = {k: v for i, (k, v) in enumerate(runs.items()) if i % n_slots == slot}
sweep(Path("nbs/experiments/rl_single_run.ipynb"), mine, Path("outputs/cpu/rl/fig4"))
