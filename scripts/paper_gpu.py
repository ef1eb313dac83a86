"""The `paper` profile on one GPU: pre-train N = 7 (85M parameters), the N = 7 row of Tables 4-5, and A2C with standard,
prioritized and no KL on 8 digits (Fig. 4).

The GPU machine has no Jupyter, so this script makes the same library calls as `nbs/experiments/01_pretrain_generalization.ipynb`
and `rl_single_run.ipynb` and writes the same files (the RL runs in the layout that `02_rl_prioritized_kl.ipynb` aggregates).
Each step is one command (the machine's commands are limited to 10 minutes):

    python scripts/paper_gpu.py smoke    --work /root/kl --out $OUT                  # every CUDA code path at `tiny`, and paper-shape timings
    python scripts/paper_gpu.py pretrain --work /root/kl --out $OUT --steps 6000     # N = 7, then Tables 4-5 row 7 and the certainty gap
    python scripts/paper_gpu.py all      --work /root/kl --out $OUT --budget-s 270   # smoke, then pretrain with as many steps as fit the budget
    python scripts/paper_gpu.py rl       --work /root/kl --out $OUT --minutes 8      # 3 arms x 2 seeds at once, stopped at the deadline
"""
from __future__ import annotations
import argparse, json, os, subprocess, sys, tarfile, time
from pathlib import Path
import numpy as np, pandas as pd, torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from klcritical.model import get_profile, make_model, load_checkpoint, n_params
from klcritical.pretrain import pretrain, matmul_peak
from klcritical.eval import accuracy_table, generalization_table, plot_generalization, token_certainty, certainty_gaps, summarize_gaps
from klcritical.scratchpad import ADDITION as task
from klcritical.a2c import a2c_models, a2c_step, train_a2c

ARMS = {"standard_KL": ("standard KL", 0.0, None), "prioritized_KL": ("prioritized KL", 150.0, None), "no_KL": ("no KL", 0.0, 0.0)}

def pack(src: Path, dst: Path):
    "Everything small under `src` (no weights, no optimizer states) into one tar.gz, written atomically."
    tmp = dst.with_suffix(".tmp")
    with tarfile.open(tmp, "w:gz") as t:
        for f in sorted(src.rglob("*")):
            if f.is_file() and f.suffix not in (".pt", ".safetensors", ".bin") and f.stat().st_size < 4_000_000:
                t.add(f, arcname=str(f.relative_to(src)))
    os.replace(tmp, dst)

def smoke(work: Path, out: Path, dev: torch.device):
    print(torch.__version__, torch.cuda.get_device_name(dev) if dev.type == "cuda" else "cpu", flush=True)
    print(f"matmul peak: bf16 {matmul_peak(torch.bfloat16, device=dev) / 1e3:.0f} TFLOP/s, "
          f"fp32 {matmul_peak(torch.float32, device=dev) / 1e3:.0f} TFLOP/s", flush=True)
    t0 = time.time()   # every CUDA code path at `tiny`: pre-training, evaluation, rollouts, update, critical probabilities
    pretrain("tiny", 2, work / "tiny_pt", progress=False, device=dev)
    df = train_a2c(work / "tiny_pt", work / "tiny_rl", "tiny", progress=False, device=dev)
    print(f"tiny pretrain + A2C on cuda: {time.time() - t0:.0f} s; acc columns {df[['acc_target_sampled', 'acc_target_greedy', 'acc_1toN_greedy']].iloc[-1].tolist()}", flush=True)
    # paper shape: pre-training speed at N = 7 (40 steps), and one A2C collect of 50 episodes of 8 digits
    pretrain("paper", 7, work / "paper_probe", stop_after=40, progress=False, device=dev)
    m = pd.read_csv(work / "paper_probe" / "metrics.csv")
    print("paper pretrain, per 10 steps:\n" + m[["step", "loss", "tokens_per_s", "model_gflops", "elapsed_s"]].to_string(), flush=True)
    p = get_profile("paper"); tok = task.tokenizer()
    ac, ref = a2c_models(make_model(p, seed=0), make_model(p, seed=0), p.rl.value_hidden, dev, p.rl.minibatch_size)
    opt = torch.optim.Adam(ac.parameters(), lr=p.rl.lr); gen = torch.Generator(dev).manual_seed(0)
    for k in range(2):
        pairs = task.sample(np.random.default_rng(k), 8, p.rl.episodes_per_collect)
        s, b = a2c_step(ac, ref, opt, tok, pairs, p.rl, gen)
        print(f"paper collect {k} (untrained model, runs to the cap): {s['seconds']:.2f} s = rollout {s['rollout_s']:.2f} "
              f"+ reference {s['reference_s']:.2f} + update {s['update_s']:.2f}; {s['gen_tokens']} tokens, {s['updates']} Adam steps", flush=True)
    if dev.type == "cuda": print(f"peak GPU memory {torch.cuda.max_memory_allocated() / 2**30:.1f} GiB", flush=True)
    del ac, ref, opt; torch.cuda.empty_cache()
    e = m.set_index("step").elapsed_s
    return (e[40] - e[10]) / 30          # seconds per pre-training step at the paper shape, warm-up excluded

def do_pretrain(work: Path, out: Path, profile: str, N: int, steps: int, n_eval: int, dev: torch.device):
    torch.backends.cuda.matmul.allow_tf32 = True
    p = get_profile(profile, **({} if steps is None else dict(pretrain__steps=steps)))
    ck, res = work / "checkpoints" / f"N{N}", work / p.name / "pretrain"
    res.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    model = pretrain(p, N, ck, device=dev)
    t_pt = time.time() - t0
    (res / "pretrain_metrics.csv").write_bytes((ck / "metrics.csv").read_bytes())
    (res / "klcritical.json").write_bytes((ck / "klcritical.json").read_bytes())
    (res / "config.json").write_bytes((ck / "config.json").read_bytes())
    m, tok, meta = load_checkpoint(ck); m.to(dev)
    t0 = time.time()
    acc = pd.concat([accuracy_table(m, tok, [N, N + 1, N + 2, N + 3], kind, n=n_eval, seed=0, batch_size=500).assign(N=N)
                     for kind in ("identical", "varying")], ignore_index=True)[["N", "length", "kind", "n", "temperature", "accuracy", "ci_low", "ci_high"]]
    sampled = pd.concat([accuracy_table(m, tok, [N, N + 1], kind, n=n_eval, seed=0, batch_size=500, temperature=2.0).assign(N=N)
                         for kind in ("identical", "varying")], ignore_index=True)
    sampled.to_csv(res / "sampled.csv", index=False)
    acc.to_csv(res / "accuracy_long.csv", index=False)
    for kind in ("identical", "varying"): generalization_table(acc, kind, paper=True).to_csv(res / f"{kind}.csv")
    plot_generalization(acc, f"Generalization after pre-training ({p.name} profile, n = {n_eval} per point)").savefig(res / "fig2.png", dpi=130, bbox_inches="tight")
    pairs = task.sample(np.random.default_rng([0, 77]), N + 1, 50)
    f = token_certainty(m, tok, pairs, N, texts=[task.target(x) for x in pairs], extra_certainty_temperatures=(4.0,))
    gaps = pd.DataFrame([dict(N=N, temperature=T, p_right_critical=f[f.critical].p_token.mean(), **summarize_gaps(certainty_gaps(f, c)))
                         for T, c in ((1.0, "certainty"), (4.0, "certainty_T4"))])
    gaps.to_csv(res / "certainty_gap.csv", index=False)
    t_ev = time.time() - t0
    (res / "timing.json").write_text(json.dumps(dict(pretrain_s=round(t_pt), eval_s=round(t_ev), steps=steps, n_eval=n_eval,
                                                     device=torch.cuda.get_device_name(dev) if dev.type == "cuda" else "cpu"), indent=1))
    print(generalization_table(acc, "identical", paper=True).to_string(), "\n", generalization_table(acc, "varying", paper=True).to_string())
    print(gaps.to_string()); print(f"pretrain {t_pt:.0f} s, evaluation {t_ev:.0f} s", flush=True)
    pack(work / p.name, out / "pretrain.tgz")

def rl_one(work: Path, profile: str, N: int, name: str, seed: int, episodes: int, dev: torch.device):
    arm, beta, c_kl = ARMS[name]
    over = dict(rl__beta=beta, rl__total_episodes=episodes, **({} if c_kl is None else dict(rl__c_kl=c_kl)))
    d = work / profile / "rl" / "fig4" / f"{name}_seed{seed}"
    train_a2c(work / "checkpoints" / f"N{N}", d, get_profile(profile, **over), target_digits=N + 1, seed=seed, progress=False, device=dev)

def do_rl(work: Path, out: Path, profile: str, N: int, minutes: float, seeds: int, episodes: int, dev: torch.device):
    procs, t0 = [], time.time()
    for seed in range(seeds):
        for name in ARMS:
            log = open(work / f"rl_{name}_seed{seed}.log", "w")
            procs.append(subprocess.Popen([sys.executable, __file__, "rl-one", "--work", str(work), "--name", name, "--seed", str(seed),
                                           "--episodes", str(episodes), "--profile", profile, "--N", str(N), "--device", str(dev)],
                                          stdout=log, stderr=subprocess.STDOUT))
    while time.time() - t0 < minutes * 60 and any(p.poll() is None for p in procs):
        time.sleep(20); pack(work / profile / "rl", out / "rl.tgz")
    for p in procs:
        if p.poll() is None: p.terminate()
    time.sleep(3); pack(work / profile / "rl", out / "rl.tgz")
    for f in sorted(work.glob("rl_*.log")): print(f.name, f.read_text()[-600:], flush=True)
    print(f"{time.time() - t0:.0f} s; exit codes {[p.poll() for p in procs]}")

if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["smoke", "pretrain", "all", "rl", "rl-one"])
    ap.add_argument("--work", type=Path, default=Path("/root/kl")); ap.add_argument("--out", type=Path, default=Path(os.environ.get("OUT", "out")))
    ap.add_argument("--steps", type=int, default=None); ap.add_argument("--n-eval", type=int, default=1000)
    ap.add_argument("--minutes", type=float, default=8.0); ap.add_argument("--seeds", type=int, default=2)
    ap.add_argument("--episodes", type=int, default=20_000); ap.add_argument("--name"); ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--profile", default="paper"); ap.add_argument("--N", type=int, default=7)   # pretrain and rl only
    ap.add_argument("--device", default="cuda"); ap.add_argument("--budget-s", type=float, default=270.0)
    a = ap.parse_args(); dev = torch.device(a.device)
    a.work.mkdir(parents=True, exist_ok=True); a.out.mkdir(parents=True, exist_ok=True)
    if a.step == "smoke": smoke(a.work, a.out, dev)
    elif a.step == "all":      # smoke, then pre-training sized to --budget-s of training steps, then its evaluation
        step_s = smoke(a.work, a.out, dev)
        steps = a.steps or int(a.budget_s / step_s) // 100 * 100
        print(f"{step_s * 1e3:.0f} ms a step: {steps} steps fit {a.budget_s:.0f} s", flush=True)
        do_pretrain(a.work, a.out, a.profile, a.N, steps, a.n_eval, dev)
    elif a.step == "pretrain": do_pretrain(a.work, a.out, a.profile, a.N, a.steps, a.n_eval, dev)
    elif a.step == "rl": do_rl(a.work, a.out, a.profile, a.N, a.minutes, a.seeds, a.episodes, dev)
    else: rl_one(a.work, a.profile, a.N, a.name, a.seed, a.episodes, dev)
