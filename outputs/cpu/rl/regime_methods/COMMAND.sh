#!/bin/sh
# The controls of outputs/cpu/rl/methods/ repeated on the regime map's model p0.1_nowd_1x (outputs/cpu/regime/), with the
# estimator k2 and the certainty temperature 1.5 of its Fig. 4 (outputs/cpu/rl/regime_fig4/): shuffled certainty and the
# standard KL matched on the prioritized arm's mean weight (c_KL = 5 x 0.754 = 3.768), 5 seeds x 2,000 episodes each.
# The prioritized arm's 5 runs are those of regime_fig4 (the same settings, c_KL 5 being the cpu profile's), copied here with
# params.json rewritten to this notebook's form (c_kl 5.0 instead of null, the overrides' keys sorted), so the sweep reuses them:
#   for s in 0..4: cp -r ../regime_fig4/prioritized_KL_seed$s prioritized_KL_seed$s, then params.json as said.
# Made by commit 2058d00 (a pinned worktree), one run at a time with one thread (the runs' done markers: 261-346 s each;
# 10 runs, about 50 minutes beside another job on the 2-core Intel Xeon). The same command re-writes everything from the
# finished runs in seconds:
papermill nbs/experiments/08_token_selective_methods.ipynb outputs/cpu/rl/regime_methods/08_token_selective_methods.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p workers 1 -p experiment regime_methods -p checkpoint outputs/cpu/regime/p0.1_nowd_1x -p rl_overrides '{"kl_estimator": "k2", "certainty_temperature": 1.5}' -p c_kl_grid "[5]" -p skip_arms '["standard KL, c_KL=5", "shuffled reward", "80/20", "80/20 + prioritized KL", "Archer-style KL", "KL-Cov", "KL-Cov, coef 10", "80/20, no KL", "Archer-style KL, matched release"]'
