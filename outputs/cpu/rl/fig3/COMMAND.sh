#!/bin/sh
# made Fig. 3 at cpu (N2->4, N3->5, N4->6, c_KL 10, beta 0, 1 seed x 2000 episodes); 12 min on 2 cores
papermill nbs/experiments/04_rl_compare_pretrain.ipynb outputs/cpu/rl/fig3/04_rl_compare_pretrain.ipynb -p profile cpu -p workers 2
