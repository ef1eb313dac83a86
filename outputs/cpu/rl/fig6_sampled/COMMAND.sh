#!/bin/sh
# Fig. 6 (beta ablation) at cpu, with sampled and greedy accuracy and the authors' 12 critical tokens:
# 9 seeds (the paper's count; seeds 5-8 added from a worktree pinned at 7a082a6) x beta in {0, 1, 10, 150, 500, 1000}, 2,000 episodes; beta 0 and 150 are the runs of outputs/cpu/rl/fig4
# (borrowed: same settings). outputs/cpu/rl/fig6/ keeps the earlier, greedy-only sweep.
# About 4 minutes per run on 2 cores (Intel Xeon, fp32), two runs at a time with one thread each; finished runs
# (done + params.json) are reused, so re-running the command only aggregates.
papermill nbs/experiments/03_rl_beta_ablation.ipynb outputs/cpu/rl/fig6_sampled/03_rl_beta_ablation.ipynb -p profile cpu -p n_seeds 9 -p total_episodes 2000 -p borrow_from fig4 -p workers 2 -p experiment fig6_sampled
