"""Recipe trial J: polish a pre-trained checkpoint on 1..N digits only (no (N+1)-digit examples), and watch
accuracy at N and N+1 on held-out probes as it trains. Usage, from the repo root with the .venv active:

    python outputs/cpu/recipe_trials/polish.py outputs/cpu/checkpoints/N3 outputs/cpu/recipe_trials/J 200 1e-4           # trial J
    python outputs/cpu/recipe_trials/polish.py outputs/cpu/checkpoints/N3 outputs/cpu/recipe_trials/J2 200 1e-4 linear   # trial J2

Writes OUT/probes.csv (step, probe accuracy at N and N+1, n = 200 each) and, at the end, the accuracy at N..N+2
(n = 1000) and the certainty gap at the critical commas (n = 50) to stdout, and the polished model to OUT/model
(a checkpoint directory like any other; the one it started from is not changed). `linear`: the learning rate falls
linearly to 0 over the steps (default: constant)."""
import sys, time, json
from pathlib import Path
import numpy as np, pandas as pd, torch
from klcritical.model import load_checkpoint, use_fast_kernels, train_attention, max_example_len, profile_from_dict
from klcritical.pretrain import make_pool, bf16_supported, _train_step
from klcritical.eval import accuracy_table, answer_accuracy, teacher_forced, certainty_gap
from klcritical.scratchpad import sample_operands

ck, out = Path(sys.argv[1]), Path(sys.argv[2]); out.mkdir(parents=True, exist_ok=True)
steps = int(sys.argv[3]) if len(sys.argv) > 3 else 200
lr = float(sys.argv[4]) if len(sys.argv) > 4 else 1e-4
schedule = sys.argv[5] if len(sys.argv) > 5 else "constant"
if schedule not in ("constant", "linear"): raise ValueError(f"schedule must be constant or linear, got {schedule!r}")
model, tok, meta = load_checkpoint(ck)
N = int(meta["max_digits"]); c = meta["profile"]["pretrain"]
torch.manual_seed(1)
model = use_fast_kernels(model, train_attention("cpu", c["batch_size"]))
autocast = bf16_supported("cpu")
opt = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.98), weight_decay=c["weight_decay"])
span = max_example_len(N + c["pos_offset_digits"]) if c["pos_offset_digits"] > 0 else 0
sched = torch.optim.lr_scheduler.LambdaLR(opt, (lambda k: 1 - k / steps) if schedule == "linear" else (lambda k: 1.0))
probe = lambda L: float(answer_accuracy(model, tok, sample_operands(np.random.default_rng([5, L]), L, "identical", 200), autocast=autocast).mean())
rows, t0, pool = [], time.time(), []
for step in range(steps + 1):
    if step % 25 == 0:
        rows.append(dict(step=step, probe_N=probe(N), probe_N1=probe(N + 1), seconds=round(time.time() - t0, 1)))
        print(rows[-1], flush=True); model.train()
    if step == steps: break
    if not pool: pool = make_pool(tok, np.random.default_rng([9, step]), N, c["batch_size"], c["pool_batches"], c["p_identical"],
                                  span, c["p_offset"], c["bucket"], 0.0)   # p_longer = 0: no (N+1)-digit examples
    b = pool.pop()
    _train_step(model, opt, sched, b, profile_from_dict(meta["profile"]).pretrain, autocast)   # pre-training's step (label smoothing 0 at cpu)
pd.DataFrame(rows).to_csv(out / "probes.csv", index=False)
model.eval()
from klcritical.model import save_checkpoint
save_checkpoint(out / "model", model, tok, dict(meta, polished=dict(source=str(ck), steps=steps, lr=lr, schedule=schedule, p_longer=0.0)))
for L in (N, N + 1, N + 2): print(accuracy_table(model, tok, [L], "identical", n=1000).to_string(), flush=True)
for T in (1, 4):
    print(f"gap T={T}", certainty_gap(teacher_forced(model, tok, sample_operands(np.random.default_rng(7), N + 1, "identical", 50), N, temperature=T)))
print(f"total {time.time() - t0:.0f} s")
