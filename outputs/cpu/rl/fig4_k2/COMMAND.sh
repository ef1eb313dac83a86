#!/bin/sh
# Fig. 4 / Fig. 7 at cpu with the authors' KL estimator, k2 (the other cpu results use k3): standard and prioritized
# (beta 150) KL from the committed N = 3 model on 4-digit additions, 5 seeds x 2,000 episodes, everything else as
# outputs/cpu/rl/fig4. 49 min on 2 cores (Intel Xeon, fp32), two runs at a time with one thread each, sharing the
# machine with test runs part of the time.
papermill nbs/experiments/02_rl_prioritized_kl.ipynb outputs/cpu/rl/fig4_k2/02_rl_prioritized_kl.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p workers 2 -p experiment fig4_k2 -p rl_overrides '{"kl_estimator": "k2"}' -p skip_arms '["no KL"]'
