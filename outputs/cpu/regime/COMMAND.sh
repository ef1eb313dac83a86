#!/bin/sh
# The regime map (nbs/experiments/06_critical_token_regime.ipynb): one pre-training run per cell, each resumable.
# NOT STARTED with the current recipe (packed rows); an earlier p0_long of 600 unpacked steps was removed.
# Each call trains at most chunk_steps more steps of the cell (about 1 s a step at cpu, fp32, on an Intel Xeon with
# 2 cores) and leaves <cell>/resume/ for the next call; the same command continues it.
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_p0_long.ipynb -p profile cpu -p cell p0_long -p chunk_steps 600
