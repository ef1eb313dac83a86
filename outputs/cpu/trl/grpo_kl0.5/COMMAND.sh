#!/bin/sh
# GRPO in TRL (PrioritizedGRPOTrainer) at KL coefficient 0.5 (TRL's `beta`), between the committed 5 and TRL's usual 0.04:
# otherwise as outputs/cpu/trl/grpo (the committed N = 3 model, 4-digit additions, TRL's KL against the prioritized KL at
# beta 150 with certainty at T = 1, 5 seeds x 2,000 completions). The runs were made from a worktree pinned at 80d3654,
# two at a time with one thread each (AMD EPYC, 2 cores, fp32; 6-10 minutes a run), each run the notebook's own
# `train_grpo` call with the notebook's settings; the command below then aggregated them (finished runs are reused, so it
# only aggregates; on its own it runs the 10 runs one after another). The paths in run.json point to the worktree.
OMP_NUM_THREADS=2 papermill nbs/experiments/07_trl_grpo_prioritized_kl.ipynb outputs/cpu/trl/grpo_kl0.5/07_trl_grpo_prioritized_kl.ipynb -p profile cpu -p n_seeds 5 -p kl_coef 0.5 -p experiment grpo_kl0.5
