#!/bin/sh
# A 10,000-episode prioritized-KL run at `cpu` (beta = 150) from the committed N3, alone on the machine with both cores, timed
# end to end (evaluations every 10 collects included). timing.json holds the wall time and the mean seconds per collect and
# per part (rollout, reference pass, update) from run/metrics.csv. Run from the repository root; the first run was made with
# the code of its time (its metrics have the greedy accuracy only), so repeat it into a new folder:
OMP_NUM_THREADS=2 /usr/bin/time -v klcritical rl outputs/cpu/checkpoints/N3 outputs/cpu/rl/timing_10k/run_again --profile cpu --beta 150 --episodes 10000
