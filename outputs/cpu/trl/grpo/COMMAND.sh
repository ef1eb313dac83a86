#!/bin/sh
# GRPO in TRL 1.16 (PrioritizedGRPOTrainer) from the committed N = 3 model on 4-digit additions: TRL's KL against the
# prioritized KL (beta 150, certainty at T = 1), 5 seeds x 2,000 completions (40 steps of 10 prompts x 5), the cpu
# profile's RL settings mapped by `grpo_config`, KL coefficient 5 (the profile's c_KL). Finished runs (`done`) are reused,
# so re-running the command only aggregates. Seeds 0-2 were made from a copy of the repository at commit c3c8107 (one
# run at a time, 2 threads, 10-12 minutes a run); seeds 3-4 from a worktree pinned at fffd363, two runs at a time with
# one thread each (7-12 minutes a run, Intel Xeon, fp32), each run the notebook's own `train_grpo` call; the paths in
# run.json point to those copies.
OMP_NUM_THREADS=2 papermill nbs/experiments/07_trl_grpo_prioritized_kl.ipynb outputs/cpu/trl/grpo/07_trl_grpo_prioritized_kl.ipynb -p profile cpu -p n_seeds 5
