#!/bin/sh
# Fig. 4 / Fig. 7 at cpu from the polished N = 3 model (outputs/cpu/recipe_trials/J2/model: the committed N3 after 200
# steps on 1..3 digits only, lr 1e-4 falling linearly to 0; docs/pretraining-recipe.md), standard vs prioritized KL,
# 5 seeds x 2,000 episodes, sampled (T = 1) and greedy accuracy; 41 min on 2 cores (Intel Xeon, fp32), two runs at a time.
papermill nbs/experiments/02_rl_prioritized_kl.ipynb outputs/cpu/rl/fig4_polished/02_rl_prioritized_kl.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p workers 2 -p experiment fig4_polished -p checkpoint outputs/cpu/recipe_trials/J2/model -p skip_arms '["no KL"]'
