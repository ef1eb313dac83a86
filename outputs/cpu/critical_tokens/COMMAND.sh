#!/bin/sh
# Table 1 (commas / digits / all, certainty at T = 1 and 4), Fig. 5, decisiveness, where the prioritized KL is released,
# label-free discovery; the committed N = 2, 3, 4 models. About 5 min on 2 cores (272 s of cells, 285 s with the kernel). The same command is `make critical-cpu`.
papermill nbs/experiments/05_critical_tokens.ipynb outputs/cpu/critical_tokens/05_critical_tokens.ipynb -p profile cpu
