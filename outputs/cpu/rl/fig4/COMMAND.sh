#!/bin/sh
# Fig. 4 / Fig. 7 at cpu: standard, prioritized (beta 150) and no KL from the committed N = 3 model on 4-digit additions,
# 5 seeds x 2,000 episodes, sampled (T = 1) and greedy accuracy, P(right) at the 12 critical tokens.
# 58 min on 2 cores (Intel Xeon, AVX-512 without BF16: fp32 throughout), two runs at a time with one thread each.
# The same command is `make rl-cpu` (run by `make reproduce`); finished runs (done + params.json) are reused.
papermill nbs/experiments/02_rl_prioritized_kl.ipynb outputs/cpu/rl/fig4/02_rl_prioritized_kl.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p workers 2
