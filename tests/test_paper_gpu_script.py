"The GPU script's stages, at the `tiny` profile on the CPU: each finishes, and a stage cut short by its time limit says so."
import os, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def stage(name, out, limit=300):
    env = dict(os.environ, PROFILE="tiny", N="2", OUT=str(out), LIMIT=str(limit), OMP_NUM_THREADS="1",
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run([str(ROOT / "scripts" / "paper_gpu.sh"), name], cwd=ROOT, env=env, capture_output=True, text=True)


def test_stages_at_tiny(tmp_path):
    for name in ("pretrain", "critical", "rl"):
        r = stage(name, tmp_path)
        assert r.returncode == 0 and f"finished: {name}" in r.stdout, r.stdout[-2000:] + r.stderr[-2000:]
    assert (tmp_path / "checkpoints" / "N2" / "klcritical.json").exists()
    assert (tmp_path / "critical_tokens" / "table1_N2.csv").exists()
    assert {p.name for p in (tmp_path / "rl" / "fig4").iterdir()} == {"standard_KL_seed0", "prioritized_KL_seed0", "no_KL_seed0"}
    r = stage("tables", tmp_path, limit=1)                  # cut short: exit 3 and the message, then resumable
    assert r.returncode == 3 and "not finished" in r.stdout
    assert stage("bogus", tmp_path).returncode == 2
