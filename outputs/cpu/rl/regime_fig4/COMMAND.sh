#!/bin/sh
# Fig. 4 / Fig. 7 in the regime map's closest cell: standard and prioritized (beta 150) KL from the regime cell
# p0.1_nowd_1x (0.1% of 4-digit examples, no weight decay, 1x; outputs/cpu/regime/), with the authors' estimator k2
# and the certainty at T = 1.5, the highest temperature at which that model's ordinary tokens keep at least half of
# their penalty (outputs/cpu/regime/certainty_temperature.csv: mean Ĵ^150 0.78 ordinary, 0.33 critical).
# 5 seeds x 2,000 episodes of 4-digit additions, sampled (T = 1) and greedy accuracy, P(right) at the 12 critical tokens.
# About 37 min on 2 cores (Intel Xeon, fp32), two runs at a time with one thread each (the runs' done markers add up to 4,336 s, two at a time).
papermill nbs/experiments/02_rl_prioritized_kl.ipynb outputs/cpu/rl/regime_fig4/02_rl_prioritized_kl.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p workers 2 -p experiment regime_fig4 -p checkpoint outputs/cpu/regime/p0.1_nowd_1x -p rl_overrides '{"kl_estimator": "k2", "certainty_temperature": 1.5}' -p skip_arms '["no KL"]'
