#!/bin/sh
# Controls and the field's token-selective methods at cpu (issue: is it more than a weaker KL?): 12 arms x 5 seeds,
# 2,000 episodes each, from the committed N = 3 model on 4-digit additions; the matched standard KL runs after the others.
# UNFINISHED: the run folders here are the runs finished so far (seed 0 of the first 8 arms, each with `done` and
# params.json; about 400 s per run, two at a time with one thread each on 2 cores). The same command reuses them, runs
# the rest, then writes curves.csv, summary.csv, methods_summary.csv, methods.png and the executed notebook.
papermill nbs/experiments/08_token_selective_methods.ipynb outputs/cpu/rl/methods/08_token_selective_methods.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p workers 2
