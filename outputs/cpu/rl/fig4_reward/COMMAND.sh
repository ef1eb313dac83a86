#!/bin/sh
# Fig. 4 with the KL in the reward (k1, the estimator whose reward placement is unbiased): standard and prioritized KL
# (beta 150), everything else as outputs/cpu/rl/fig4 (which has the KL in the loss, k3): the committed N = 3 model on
# 4-digit additions, 5 seeds x 2,000 episodes, c_KL = 5, certainty at T = 1. 38 minutes on 2 cores (Intel Xeon, fp32),
# two runs at a time with one thread each; finished runs (done + params.json) are reused.
# The kl_mass_crit* columns at episode 0 are float noise (policy = reference, a KL of about 0): read them from episode 500.
papermill nbs/experiments/02_rl_prioritized_kl.ipynb outputs/cpu/rl/fig4_reward/02_rl_prioritized_kl.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p workers 2 -p experiment fig4_reward -p skip_arms '["no KL"]' -p rl_overrides '{"kl_placement": "reward", "kl_estimator": "k1"}'
