#!/bin/sh
# The regime map (nbs/experiments/06_critical_token_regime.ipynb): one pre-training run per cell, each resumable.
# IN PROGRESS: p0_long has 1,300 of its 13,000 steps (one call of the command below with chunk_steps 1300, made by
# commit ff4e3ed: 1,227 s, about 0.9 s a step); p0_long/resume/ holds its state, and the same command continues it.
# The other cells are not started.
# Each call trains at most chunk_steps more steps of the cell (about 1 s a step at cpu, fp32, on an Intel Xeon with
# 2 cores) and leaves <cell>/resume/ for the next call; the same command continues it.
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_p0_long.ipynb -p profile cpu -p cell p0_long -p chunk_steps 600
