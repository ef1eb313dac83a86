#!/bin/sh
# The regime map (nbs/experiments/06_critical_token_regime.ipynb): one pre-training run per cell, each resumable.
# p0_long is finished: its command below, called with chunk_steps 1300, 6500 (stopped at its step-3,120 checkpoint), 2730,
# 1300 and 5850 (about 0.75-0.9 s a step). p1_1x and p1_nowd are finished (one call each, about 20 minutes).
# p0.1_nowd_1x is finished (its command below, called twice: stopped at its step-1,040 checkpoint, then finished).
# p0.1_nowd_long is finished: its command below with chunk_steps 3900, then 1040, then 8060 (about 0.85 s a step).
# p0.1_nowd_nooff_1x and p0.1_nowd_wide_1x are finished (one call each: about 17 and 45 minutes); p0.1_nowd_wide_3x too
# (one call: 6,474 s, 1.66 s a step). Every cell of MAP is finished.
# Each call trains at most chunk_steps more steps of the cell (about 1 s a step at cpu, fp32, on an Intel Xeon with
# 2 cores) and leaves <cell>/resume/ for the next call; the same command continues it.
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_p0_long.ipynb -p profile cpu -p cell p0_long -p chunk_steps 5850
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_p1_1x.ipynb -p profile cpu -p cell p1_1x
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_p1_nowd.ipynb -p profile cpu -p cell p1_nowd
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_p0.1_nowd_1x.ipynb -p profile cpu -p cell p0.1_nowd_1x
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_p0.1_nowd_long.ipynb -p profile cpu -p cell p0.1_nowd_long -p chunk_steps 3900
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_p0.1_nowd_long.ipynb -p profile cpu -p cell p0.1_nowd_long -p chunk_steps 1040
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_p0.1_nowd_long.ipynb -p profile cpu -p cell p0.1_nowd_long -p chunk_steps 8060
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_p0.1_nowd_nooff_1x.ipynb -p profile cpu -p cell p0.1_nowd_nooff_1x
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_p0.1_nowd_wide_1x.ipynb -p profile cpu -p cell p0.1_nowd_wide_1x
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_p0.1_nowd_wide_3x.ipynb -p profile cpu -p cell p0.1_nowd_wide_3x
# The size axis at 11M parameters (6 x 384): p0.1_nowd_xl_1x is finished (one call, resumed once after a restart at its
# step-260 checkpoint; 3.66 s a step with 2 threads on an idle 2-core AMD EPYC, 7-10 s beside other jobs; 8,170 s of steps in all).
# Made by commit 2058d00 (a pinned worktree). p0.1_nowd_xl_3x and p0_nowd_xl_3x are not run yet: 3,900 steps each at about
# 3.7 s a step here (about 4 hours each, more than a working session, whose background jobs end with it), and their resume
# state (about 130 MB of weights and optimizer) is not kept between sessions. They are staged for a lent GPU, where the same
# cells train with the same profile (`klcritical pretrain --cell`, as notebook 06 does); not yet timed on a GPU, so the call
# may need repeating on the still-warm machine (it resumes from RWORK there):
#   CELLS="p0.1_nowd_xl_3x p0_nowd_xl_3x" LIMIT=540 WOUT=$OUT scripts/paper_gpu.sh regime
# then here, for each cell: cat <cell>.tar.gz.part-* | tar -xz -C outputs/cpu/regime/   and the table command below.
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_p0.1_nowd_xl_1x.ipynb -p profile cpu -p cell p0.1_nowd_xl_1x
# the table and figure over every cell (no training): regime_table.csv, regime.png, certainty_temperature.csv,
# released_tokens.csv, least_certain_ordinary.csv
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_none.ipynb -p profile cpu -p cell none
# accuracy of the finished cells, n = 1,000 per length (eval_greedy.csv, eval_sampled_T1.csv in each cell; about 1.5 min each)
for c in p0.1_nowd_1x p1_1x p1_nowd p0.1_nowd_long p0_long p0.1_nowd_nooff_1x p0.1_nowd_wide_1x p0.1_nowd_wide_3x p0.1_nowd_xl_1x; do
  klcritical evaluate outputs/cpu/regime/$c --lengths "[3, 4]" --n 1000 --out outputs/cpu/regime/$c/eval_greedy.csv
  klcritical evaluate outputs/cpu/regime/$c --lengths "[3, 4]" --n 1000 --temperature 1 --out outputs/cpu/regime/$c/eval_sampled_T1.csv
done
# the committed cpu model N3 on the same probe, for comparison (N3_sharpness.csv; 200 sampled answers per length, about 20 s)
klcritical sharpness outputs/cpu/checkpoints/N3 --n-sampled 200 --out outputs/cpu/regime/N3_sharpness.csv
