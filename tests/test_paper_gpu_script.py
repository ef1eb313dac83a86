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


def test_window_rehearsal_at_tiny(tmp_path):
    "The GPU window as a lent machine would run it (the script's `window` stage), at `tiny` on the CPU: it plans, keeps its deadline, and leaves at most 8 small files."
    import json
    env = dict(os.environ, PROFILE="tiny", N="2", RECIPE="wd0", SEED="1", LIMIT="120", WOUT=str(tmp_path), OMP_NUM_THREADS="1",
               WINDOW_FLAGS="--n-eval 50", PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    r = subprocess.run([str(ROOT / "scripts" / "paper_gpu.sh"), "window"], cwd=ROOT, env=env, capture_output=True, text=True)
    out = tmp_path / "wd0_N2_seed1"
    assert r.returncode == 0 and "finished: window" in r.stdout, r.stdout[-3000:] + r.stderr[-3000:]
    rec = json.loads((out / "window.json").read_text())
    assert rec["finished"] and rec["recipe"] == "wd0" and rec["seconds"] <= 1.5 * 120, rec
    st = {s["stage"]: s["status"] for s in rec["stages"]}
    assert st["pretrain"] == "done" and st["table1"] == "done" and st["rl"] in ("done", "cut", "skipped"), st
    files = list(out.iterdir())
    assert len(files) <= 8 and all(f.stat().st_size < 16 * 2**20 for f in files), files
    for name in ("window.log", "pretrain.csv", "accuracy.csv", "table1.csv", "certainty_temperature.csv"): assert (out / name).exists(), name
    if st["rl"] != "skipped":
        import pandas as pd
        rl = pd.read_csv(out / "rl.csv")
        assert set(rl.arm) == {"standard KL", "prioritized KL", "no KL"} and {"acc_target_sampled", "acc_1toN_sampled", "p_crit_s1_o2_digit"} <= set(rl.columns)


def test_regime_rehearsal_at_tiny(tmp_path):
    "The regime stage as a lent GPU would run it, at `tiny` on the CPU: one cell trains, is evaluated, and comes back packed in parts under 16 MiB, with its probes and weights and without snapshots or resume state."
    import tarfile, io
    env = dict(os.environ, PROFILE="tiny", CELLS="p0.1_nowd_1x", NEVAL="20", WOUT=str(tmp_path / "out"), RWORK=str(tmp_path / "work"),
               LIMIT="300", OMP_NUM_THREADS="1", PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    r = subprocess.run([str(ROOT / "scripts" / "paper_gpu.sh"), "regime"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert r.returncode == 0 and "finished: regime" in r.stdout, r.stdout[-3000:] + r.stderr[-3000:]
    parts = sorted((tmp_path / "out").iterdir())
    assert parts and all(p.name.startswith("p0.1_nowd_1x.tar.gz.part-") and p.stat().st_size <= 15 * 2**20 for p in parts), parts
    names = tarfile.open(fileobj=io.BytesIO(b"".join(p.read_bytes() for p in parts)), mode="r:gz").getnames()
    for f in ("sharpness.csv", "metrics.csv", "eval_greedy.csv", "eval_sampled_T1.csv", "model.safetensors", "klcritical.json"):
        assert f"p0.1_nowd_1x/{f}" in names, (f, names)
    assert not any("/snapshots" in n or "/resume" in n for n in names), names
