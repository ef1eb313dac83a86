#!/bin/sh
# Fig. 6 (beta ablation) at cpu again, with sampled and greedy accuracy and the authors' 12 critical tokens:
# 5 seeds x beta in {0, 1, 10, 150, 500, 1000}, 2,000 episodes; beta 0 and 150 are the runs of outputs/cpu/rl/fig4
# (borrowed: same settings). outputs/cpu/rl/fig6/ keeps the earlier, greedy-only sweep.
# Unfinished: the run folders here are the runs finished so far (each with its `done` marker); the same command
# runs only the others, then writes curves.csv, summary.csv, fig6.png and the executed notebook. About 8 minutes per
# pair of runs on 2 cores, two at a time with one thread each.
papermill nbs/experiments/03_rl_beta_ablation.ipynb outputs/cpu/rl/fig6_sampled/03_rl_beta_ablation.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p borrow_from fig4 -p workers 2 -p experiment fig6_sampled
