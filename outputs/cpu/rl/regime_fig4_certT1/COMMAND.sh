#!/bin/sh
# The prioritized arm of outputs/cpu/rl/regime_fig4 again, with the certainty at T = 1 instead of 1.5 (mean Ĵ^150 of
# that model's ordinary tokens: 0.95 instead of 0.78, outputs/cpu/regime/certainty_temperature.csv). Everything else as
# regime_fig4: the regime cell p0.1_nowd_1x, k2, beta 150, 5 seeds x 2,000 episodes of 4-digit additions.
# The standard arm (beta 0) does not depend on the certainty temperature, so its runs are those of regime_fig4.
# About 20 min on 2 cores (Intel Xeon, fp32), two runs at a time with one thread each.
papermill nbs/experiments/02_rl_prioritized_kl.ipynb outputs/cpu/rl/regime_fig4_certT1/02_rl_prioritized_kl.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p workers 2 -p experiment regime_fig4_certT1 -p checkpoint outputs/cpu/regime/p0.1_nowd_1x -p rl_overrides '{"kl_estimator": "k2", "certainty_temperature": 1.0}' -p skip_arms '["standard KL", "no KL"]'
