#!/bin/sh
# Paper-scale GPU windows (nbs/07a_window.ipynb): one call on a lent GPU = one seed of one recipe at one N, in
# outputs/paper/window/<recipe>_N<N>_seed<seed>/ (at most 8 small files). nbs/experiments/09_paper_windows.ipynb
# aggregates every folder here.
#
# 1. The plan for the paper shape on an H200 (plan_H200_wd0_N7.txt, plan_H200_wd0_N3.txt), printed without a GPU from rates
#    that are partly measured and partly estimated; a real window measures all of them in its first seconds:
#    - pretrain_step_s 0.0952: measured, 10-11.3 steps/s uncompiled at N = 7 on one H200 (2026-12-04); at N = 3 the rows
#      are less than half as long, taken as 0.05 (an estimate).
#    - decoding steps, teacher-forced passes, saves, the learners: estimated from the H100 run of 2026-11-22 (Tables 4-5 at
#      n = 1,000 and the certainty gap in 132 s, about 3.6 ms a decoding step at batch 250; Fig. 4's three arms with episode
#      minibatches at about 12 s a collect for all three) and from the model's size (an RL state of 85M parameters with Adam
#      is about 1 GB); the authors' 2-transition step (one forward and backward of two 650-token rows and an Adam step) is
#      taken as 20 ms, which no run has measured on a GPU yet.
R='"pretrain_save_s": 3.0, "gen_eval_step_s_prompt": 0.005, "gen_eval_step_s_full": 0.010, "gen_collect_step_s_prompt": 0.003, "gen_collect_step_s_full": 0.0035, "teacher_forced_s_per_output": 0.03, "episode_update_s": 0.5, "reference_s": 0.1, "token_step_s": 0.02, "rl_save_s": 2.0, "figure_s": 0.5, "spawn_s": 10.0, "eval_batch": 1000, "collect_batch": 50, "calibration_s": 30.0'
klcritical window --plan-only --recipe wd0 --n 7 --budget 540 --rates "{\"pretrain_step_s\": 0.0952, \"transitions_per_collect\": 31050, $R}" > outputs/paper/window/plan_H200_wd0_N7.txt
klcritical window --plan-only --recipe wd0 --n 3 --budget 540 --rates "{\"pretrain_step_s\": 0.05, \"transitions_per_collect\": 14300, $R}" > outputs/paper/window/plan_H200_wd0_N3.txt
#
# 2. A window on a lent GPU (device tool, one call; the script installs scripts/wheels/ (fastcore, which the GPU image
#    lacks) when fastcore is missing), e.g.
#      run(command='RECIPE=wd0 N=7 SEED=0 LIMIT=540 WOUT=$OUT scripts/paper_gpu.sh window', timeout_s=600)
#    then copy the folder that comes back to outputs/paper/window/ and add its line here:
#    (none yet: no GPU has been lent since the window was written)
#
# 3. Here (CPU): the aggregation over every window folder (windows.csv, table1.csv, table45.csv, fig4_windows.png, summary.md)
papermill nbs/experiments/09_paper_windows.ipynb outputs/paper/window/09_paper_windows.ipynb -p profile paper
