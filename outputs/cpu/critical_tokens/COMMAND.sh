#!/bin/sh
# Table 1 (commas / digits / all, certainty at T = 1 and 4), Fig. 5, decisiveness, where the prioritized KL is released,
# label-free discovery; the committed N = 2, 3, 4 models. 4.4 min on 2 cores. The same command is `make critical-cpu`.
papermill nbs/experiments/05_critical_tokens.ipynb outputs/cpu/critical_tokens/05_critical_tokens.ipynb -p profile cpu
