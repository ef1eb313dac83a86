#!/bin/sh
# Sampled success of the committed cpu checkpoints at N and N+1 digits (n = 1000 per cell, bootstrap 95% interval):
# each addition answered once by sampling at temperature T (1: the cpu RL policy's; 2: the authors' policy and evaluation).
# The same numbers as the sampled cells of nbs/experiments/01_pretrain_generalization.ipynb (same additions and seeds),
# made one checkpoint at a time. Files named N<N>_<kind>_T<T>.csv; a missing file was not run yet.
for N in 3 2 4; do for kind in identical varying; do for T in 1 2; do
  klcritical evaluate outputs/cpu/checkpoints/N$N --lengths "[$N, $((N+1))]" --kind $kind --n 1000 --temperature $T \
    --out outputs/cpu/pretrain/sampled/N${N}_${kind}_T${T}.csv
done; done; done
