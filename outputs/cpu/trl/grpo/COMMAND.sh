#!/bin/sh
# GRPO in TRL 1.16 (PrioritizedGRPOTrainer) from the committed N = 3 model on 4-digit additions: TRL's KL against the
# prioritized KL (beta 150, certainty at T = 1), 3 seeds x 2,000 completions (40 steps of 10 prompts x 5), the cpu
# profile's RL settings mapped by `grpo_config`. About 10-12 minutes per run on 2 cores (Intel Xeon, fp32, 2 threads),
# one run at a time; finished runs (`done`) are reused, so re-running the command only aggregates. Made from a copy of
# the repository at commit c3c8107 (the paths in run.json point there).
OMP_NUM_THREADS=2 papermill nbs/experiments/07_trl_grpo_prioritized_kl.ipynb outputs/cpu/trl/grpo/07_trl_grpo_prioritized_kl.ipynb -p profile cpu -p n_seeds 3
