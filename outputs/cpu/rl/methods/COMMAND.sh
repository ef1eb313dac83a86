#!/bin/sh
# Controls and the field's token-selective methods at cpu (is the prioritized KL more than a weaker KL?): 11 arms x 5
# seeds, 2,000 episodes each, from the committed N = 3 model on 4-digit additions; then the matched standard KL (5 seeds).
# UNFINISHED: the run folders here are the 24 runs finished so far (seeds 0 and 1 of all 11 arms, seed 2 of the first arms; each with `done` and
# params.json), made by commit f4f00fb of this command; about 400 s per run, two at a time with one thread each on
# 2 cores. The same command reuses them, runs the remaining 36, then writes curves.csv, summary.csv,
# methods_summary.csv, methods.png and the executed notebook.
papermill nbs/experiments/08_token_selective_methods.ipynb outputs/cpu/rl/methods/08_token_selective_methods.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p workers 2
