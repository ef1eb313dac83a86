# A 10,000-episode prioritized-KL run at `cpu` (beta=150), alone on the machine with both cores, timed end to end
# (evaluations every 10 collects included). Run from the repository root:
.venv/bin/python -c "
import time, torch, json; torch.set_num_threads(2)
from klcritical.model import get_profile
from klcritical.a2c import train_a2c
t = time.time()
df = train_a2c('outputs/cpu/checkpoints/N3', 'outputs/cpu/rl/timing_10k/run', get_profile('cpu', rl__total_episodes=10_000, rl__beta=150.0), seed=0)
wall = time.time() - t
json.dump(dict(wall_s=wall, collects=int(df.collect.max()), mean_collect_s=float(df.seconds.mean()), mean_rollout_s=float(df.rollout_s.mean()),
               mean_reference_s=float(df.reference_s.mean()), mean_update_s=float(df.update_s.mean()), final_acc_target=float(df.acc_target.iloc[-1])),
          open('outputs/cpu/rl/timing_10k/timing.json', 'w'), indent=1)
print(f'wall {wall/60:.1f} min')
"
