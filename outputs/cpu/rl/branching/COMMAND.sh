#!/bin/sh
# Trees against chains (#37) at cpu: chains, entropy-branching (TreeRL's rule) and certainty-branching (the reference's least
# certain positions), each with the standard and the prioritized KL (beta 150), 5 seeds, from the committed N = 3 model on
# 4-digit additions; trees: 10 roots x 2 branch points x 4 branches per collect, the `tree` learner; chains: 50 episodes.
# Made from a worktree pinned at commit 7a082a6, two runs at a time with one thread each (OMP_NUM_THREADS=1), on 2 cores shared
# with other work: 4-12 minutes per run (chains about 4, entropy-branching about 5.5, certainty-branching about 12: its
# branch rule needs a reference pass over the roots). Finished runs (done + params.json) are reused, so re-running only
# aggregates. state.pt and curve.png of each run are not committed.
papermill nbs/experiments/10_branching.ipynb outputs/cpu/rl/branching/10_branching.ipynb -p profile cpu -p n_seeds 5 -p total_episodes 2000 -p workers 2
