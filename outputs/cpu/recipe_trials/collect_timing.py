"""Time three A2C collects (50 episodes of 4+4 digits) at the cpu profile, from the trial-B model.
Run from the repo root after `python outputs/cpu/recipe_trials/pt.py B 3` (which writes /tmp/runs/B):
    python outputs/cpu/recipe_trials/collect_timing.py > outputs/cpu/recipe_trials/collect_timing.log"""
import time, torch, numpy as np
from klcritical.model import load_checkpoint, get_profile
from klcritical.a2c import ActorCritic, collect, a2c_update
from klcritical.scratchpad import sample_operands
lm, tok, meta = load_checkpoint("/tmp/runs/B"); ref = load_checkpoint("/tmp/runs/B")[0].eval().requires_grad_(False)
cfg = get_profile("cpu", rl__beta=150.0).rl
ac = ActorCritic(lm); opt = torch.optim.Adam(ac.parameters(), lr=cfg.lr); g = torch.Generator().manual_seed(0)
for k in range(3):
    pairs = sample_operands(np.random.default_rng(k), 4, "identical", 50)
    t0 = time.perf_counter(); b = collect(ac, tok, pairs, cfg, g); t1 = time.perf_counter()
    s = a2c_update(ac, ref, opt, b, cfg); t2 = time.perf_counter()
    print(f"collect {k}: total {t2-t0:.2f} s = rollout {t1-t0:.2f} + reference {s['reference_s']:.2f} + "
          f"update {t2-t1-s['reference_s']:.2f}; gen tokens {s['gen_tokens']}, success {s['success']:.2f}")
