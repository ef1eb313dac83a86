#!/bin/sh
# The regime map (nbs/experiments/06_critical_token_regime.ipynb). So far: cell p0_long, its first 600 of 13,000 steps
# (about 1 s a step on an Intel Xeon, 2 cores, fp32), one sharpness probe at step 600. p0_long/resume/ holds the
# resumable state; the same command continues it (chunk_steps: how many more steps this call trains).
papermill nbs/experiments/06_critical_token_regime.ipynb outputs/cpu/regime/06_p0_long.ipynb -p profile cpu -p cell p0_long -p chunk_steps 600
