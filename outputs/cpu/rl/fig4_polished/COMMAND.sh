#!/bin/sh
# Fig. 4 at cpu from the polished N = 3 model (recipe trial J2: outputs/cpu/recipe_trials/J2/model), standard vs
# prioritized KL, 5 seeds x 2,000 episodes, two runs at a time; 10.5 min on 2 cores for seeds 0-2 (first run with -p n_seeds 3), then the same command with -p n_seeds 5 ran seeds 3-4 (2026-11-28).
# The starting model itself: python outputs/cpu/recipe_trials/polish.py outputs/cpu/checkpoints/N3 outputs/cpu/recipe_trials/J2 200 1e-4 linear
papermill nbs/experiments/02_rl_prioritized_kl.ipynb outputs/cpu/rl/fig4_polished/02_rl_prioritized_kl.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p workers 2 -p experiment fig4_polished -p checkpoint outputs/cpu/recipe_trials/J2/model -p skip_arms '["no KL"]'
