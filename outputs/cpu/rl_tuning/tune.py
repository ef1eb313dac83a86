"""One A2C tuning run at the cpu profile from the committed N=3 checkpoint.
Usage (repo root, .venv active): python outputs/cpu/rl_tuning/tune.py NAME SEED '{"lr": 1e-4, ...}'
Writes outputs/cpu/rl_tuning/NAME/metrics.csv and prints one line per evaluation."""
import sys, json, time
from pathlib import Path
from klcritical.model import get_profile
from klcritical.a2c import train_a2c
name, seed = sys.argv[1], int(sys.argv[2])
over = {f"rl__{k}": v for k, v in json.loads(sys.argv[3] if len(sys.argv) > 3 else "{}").items()}
p = get_profile("cpu", **over)
out = Path("outputs/cpu/rl_tuning") / name
t0 = time.time()
df = train_a2c("outputs/cpu/checkpoints/N3_trialG", out, p, seed=seed, progress=False)
cols = ["episodes", "acc_target", "acc_1toN", "train_success", "kl", "entropy", "seconds", "rollout_s", "reference_s", "update_s"]
print(df[cols + [c for c in df.columns if c.startswith("p_crit_s1")]].round(3).to_string())
print(f"{name}: {time.time() - t0:.0f} s", json.dumps(p.rl.__dict__))
