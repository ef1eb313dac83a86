#!/bin/sh
# made Fig. 6 at cpu (5 seeds x 6 betas, 2000 episodes; beta 0/150 seeds 0-4 borrowed from outputs/cpu/rl/fig4).
# Seeds 0-2 were run first with -p n_seeds 3 (6 new runs, 15.5 min on 2 cores); the same command with n_seeds 5
# runs only what has not finished (8 new runs of seeds 3-4, about 3 min each, two at a time) and redraws the figure.
papermill nbs/experiments/03_rl_beta_ablation.ipynb outputs/cpu/rl/fig6/03_rl_beta_ablation.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p borrow_from fig4 -p workers 2
