#!/bin/sh
# GRPO in TRL 1.16 (PrioritizedGRPOTrainer) at TRL's own order of KL coefficient, 0.04 (its `beta`; TRL's default is 0,
# 0.04 is common): otherwise as outputs/cpu/trl/grpo (the committed N = 3 model, 4-digit additions, TRL's KL against the
# prioritized KL at beta 150 with certainty at T = 1, 5 seeds x 2,000 completions). The runs were made from a worktree
# pinned at fffd363, two at a time with one thread each (Intel Xeon, 2 cores, fp32; 7-12 minutes a run), each run the
# notebook's own `train_grpo` call; the command below then aggregated them (finished runs are reused, so it only
# aggregates; on its own it runs the 10 runs one after another). The paths in run.json point to the worktree.
OMP_NUM_THREADS=2 papermill nbs/experiments/07_trl_grpo_prioritized_kl.ipynb outputs/cpu/trl/grpo_kl0.04/07_trl_grpo_prioritized_kl.ipynb -p profile cpu -p n_seeds 5 -p kl_coef 0.04 -p experiment grpo_kl0.04
