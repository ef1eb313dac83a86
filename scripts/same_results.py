"""Check that a change to the library leaves results unchanged: the same tiny RL runs under an earlier commit and under
the working tree, compared metric by metric (time columns aside) and weight by weight.

    python scripts/same_results.py <commit>      # e.g. HEAD~3; exits 1 and names what differs

Metrics columns the working tree adds are listed, not compared. The arms cover the standard and prioritized KL, the KL in the reward, and every registered token method (named by the
per-method settings of earlier versions, which every version accepts)."""
import json, os, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARMS = {"standard": {}, "prioritized": {"rl__beta": 150.0},
        "80-20 + KL-Cov": {"rl__pg_entropy_quantile": 0.2, "rl__kl_cov_ratio": 0.05, "rl__kl_cov_coef": 3.0},
        "Archer + shuffled certainty": {"rl__kl_entropy_release": 0.2, "rl__certainty_shuffle": True, "rl__beta": 150.0},
        "shuffled reward, KL in the reward": {"rl__reward_shuffle": True, "rl__kl_placement": "reward", "rl__kl_estimator": "k1"}}
RUN = """
import json, sys
from pathlib import Path
from klcritical import get_profile, ensure_pretrained, train_a2c     # the package root: the same names in every version
out, arms = Path(sys.argv[1]), json.loads(sys.argv[2])
ck = ensure_pretrained("tiny", 2, out.parent / "ck", seed=0, progress=False)
for i, (a, o) in enumerate(arms.items()):
    df = train_a2c(ck, out / str(i), get_profile("tiny", **o), seed=1, progress=False)
    df.drop(columns=[c for c in df.columns if c.endswith("_s") or c == "seconds"]).to_csv(out / f"{i}.csv", index=False)
"""

def run(src: Path, out: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(src), "OMP_NUM_THREADS": "1"}
    out.mkdir(parents=True)                      # run from there: `python -c` puts the working directory first on the path
    r = subprocess.run([sys.executable, "-c", RUN + "\nimport klcritical; print(klcritical.__file__)", str(out), json.dumps(ARMS)],
                       env=env, cwd=out, check=True, capture_output=True, text=True)
    where = Path(r.stdout.strip().splitlines()[-1]).parent.parent
    if where.resolve() != src.resolve(): raise RuntimeError(f"the runs for {src} imported klcritical from {where}")

def main(commit: str) -> int:
    import torch
    with tempfile.TemporaryDirectory() as d:
        d = Path(d); old = d / "old_src"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(old), commit], check=True)
        try:
            run(old, d / "old"); run(ROOT, d / "new")
        finally: subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], check=True)
        import pandas as pd
        bad, added = [], set()
        for i, a in enumerate(ARMS):
            o, n = (pd.read_csv(d / v / f"{i}.csv") for v in ("old", "new"))
            added |= set(n.columns) - set(o.columns)
            if set(o.columns) - set(n.columns) or not o.equals(n[list(o.columns)]): bad.append(f"{a}: metrics")
            o, n = (torch.load(d / v / str(i) / "state.pt", weights_only=False)["ac"] for v in ("old", "new"))
            if o.keys() != n.keys() or not all(torch.equal(o[k], n[k]) for k in o): bad.append(f"{a}: weights")
    print(f"{len(ARMS)} tiny RL runs under {commit} and under the working tree: "
          + ("identical metrics and weights" if not bad else "DIFFER in " + "; ".join(bad))
          + (f" (new metrics columns: {sorted(added)})" if added else ""))
    return 1 if bad else 0

if __name__ == "__main__":
    if len(sys.argv) != 2: sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
