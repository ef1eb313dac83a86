#!/bin/sh
# Controls and the field's token-selective methods at cpu (is the prioritized KL more than a weaker KL?): 11 arms x 5
# seeds, 2,000 episodes each, from the committed N = 3 model on 4-digit additions; then the matched standard KL
# (c_KL = 5 x the prioritized arm's mean weight 0.923 = 4.617, 5 seeds). 60 runs, about 400 s each, two at a time with
# one thread each on 2 cores (Intel Xeon): about 3.5 hours in all. The runs were made by commits f4f00fb (seeds 0-1 of
# every arm, seed 2 of two arms) and 6b3897f (the rest; the same A2C code). Finished runs (done + params.json) are
# reused, so the same command re-writes curves.csv, summary.csv, methods_summary.csv, methods.png and the executed
# notebook in seconds.
papermill nbs/experiments/08_token_selective_methods.ipynb outputs/cpu/rl/methods/08_token_selective_methods.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p workers 2
#
# The controls without loopholes (2026-12-04): the standard KL down to c_KL = 0.02, 80/20 with no KL, KL-Cov at coefficient
# 10 (its term about 0.4 of the KL's), then Archer-style at the prioritized arm's released share (1 - mean weight) and a
# standard KL matched on the penalty paid (c_KL x mean weighted KL, interpolated over the standard arms); 40 more runs,
# the finished ones reused. Started from commit 34f78ed (the same A2C code as the runs above), two at a time:
papermill nbs/experiments/08_token_selective_methods.ipynb outputs/cpu/rl/methods/08_token_selective_methods.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p workers 2 -p c_kl_grid "[0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5]"
# The penalty-matched standard KL: the standard arms' penalty is not monotone in c_KL, and it crosses the prioritized arm's
# at c_KL 0.0997 (the existing 0.1 arm) and 3.59 (a new arm). Its 5 runs were made by commit 2f8a90e (the A2C update
# unchanged since 34f78ed) with -p skip_arms '["Archer-style KL, matched release"]' while the Archer runs finished under
# 34f78ed; then the same command re-writes everything from the finished runs:
papermill nbs/experiments/08_token_selective_methods.ipynb outputs/cpu/rl/methods/08_token_selective_methods.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p workers 2 -p c_kl_grid "[0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5]" -p finished_only True
# (-p finished_only True summarizes the finished runs without starting any: an interim look while a sweep runs elsewhere.)
