#!/bin/sh
# The `paper` profile on one NVIDIA H100 80GB (device tool, nvidia-h100-x1), 2026-11-22, torch 2.11.0+cu130, transformers 5.17.
# Each line was one command on that machine (10-minute limit per command); the checkpoint (~340 MB) stayed there.
# These runs were made by scripts/paper_gpu.py, which `git show e36c4fd:scripts/paper_gpu.py` prints; the same stages are
# now `scripts/paper_gpu.sh <stage>` (klcritical commands only). Since then the `paper` profile's RL settings changed
# (token minibatches, the authors' learner), so its `rl` stage would now run the authors' update, not the one below.
# 1. smoke + a first pre-training (profile with p_longer=0.01, 3,100 steps): killed at the 10-minute limit at step ~3,070;
#    its quick evaluation at step 3,000 read acc@7 1.00 and acc@8 1.00 (the 1% of 8-digit examples taught N+1 outright),
#    so the paper profile dropped p_longer (now 0.0) and the run below was made. Its log (progress bars stripped): run1_all.log.
#    was: python3 scripts/paper_gpu.py all --work /root/kl --out $OUT --budget-s 270
# 2. pre-train N = 7 (2,500 steps: 353 s wall with evaluations, 3.4 min in training steps), then Tables 4-5 row 7 (n = 1000) and
#    the certainty gap: 132 s. Wrote outputs/paper/pretrain/.
#    was: python3 scripts/paper_gpu.py pretrain --work /root/kl --out $OUT --steps 2500
scripts/paper_gpu.sh pretrain
scripts/paper_gpu.sh tables
scripts/paper_gpu.sh critical
# 3. A2C on 8 digits, standard / prioritized (beta 150) / no KL, one seed each, the three at once on the GPU, stopped at 6.3 min
#    (1,500-1,550 episodes each). Wrote outputs/paper/rl/fig4/<arm>_seed0/ (the arm/seed/beta columns and `done` markers added here).
#    was: python3 scripts/paper_gpu.py rl --work /root/kl --out $OUT --minutes 6.3 --seeds 1
LIMIT=378 scripts/paper_gpu.sh rl
# 4. here (CPU): the aggregation of Fig. 4 / Fig. 7 over those runs
papermill nbs/experiments/02_rl_prioritized_kl.ipynb outputs/paper/rl/fig4/02_rl_prioritized_kl.ipynb -p profile paper -p n_seeds 1
