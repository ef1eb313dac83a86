#!/bin/sh
# made Fig. 6 at cpu (3 seeds x 6 betas, 2000 episodes; beta 0/150 seeds 0-1 borrowed from outputs/cpu/rl/fig4); 15.5 min on 2 cores for the 6 new runs
papermill nbs/experiments/03_rl_beta_ablation.ipynb outputs/cpu/rl/fig6/03_rl_beta_ablation.ipynb -p profile cpu -p n_seeds 3 -p total_episodes 2000 -p borrow_from fig4 -p workers 2
