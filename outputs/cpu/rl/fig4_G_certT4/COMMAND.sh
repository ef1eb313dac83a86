#!/bin/sh
# Fig. 4 from the pre-training-trial-G model (then outputs/cpu/checkpoints/N3, now N3_trialG) with certainty temperature 4,
# the cpu defaults of that session: 3 arms x 3 seeds x 2,000 episodes. It was run as two processes of one thread each by
# a helper script, sweep_slot.py (retired: `git show 0ae7fb4:outputs/cpu/rl/fig4_G_certT4/sweep_slot.py`; logs in
# sweep_slot*.log), then aggregated by nbs/experiments/02_rl_prioritized_kl.ipynb. The same sweep today, into a new folder
# (today's RLConfig has settings these runs predate, and today's metrics add the sampled accuracy):
klcritical sweep outputs/cpu/rl/fig4_G_certT4_rerun --profile cpu --seeds 3 --episodes 2000 --workers 2 --arms '{
  "standard KL":    {"beta": 0,   "checkpoint": "outputs/cpu/checkpoints/N3_trialG", "rl_overrides": "{\"certainty_temperature\": 4.0}"},
  "prioritized KL": {"beta": 150, "checkpoint": "outputs/cpu/checkpoints/N3_trialG", "rl_overrides": "{\"certainty_temperature\": 4.0}"},
  "no KL":          {"beta": 0,   "c_kl": 0, "checkpoint": "outputs/cpu/checkpoints/N3_trialG", "rl_overrides": "{\"certainty_temperature\": 4.0}"}}'
