# Two entry points: `make reproduce` (the main job) and `make test`. Both create .venv and install what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.klcritical-installed
PROFILE ?= cpu
RETRAIN ?= False
SEEDS ?= 5
FIG6_SEEDS ?= 9   # the β ablation at the paper's 9 seeds (Fig. 4 borrows seeds 0-4; 5-8 are its own runs)
RL_EPISODES ?= 2000
PM := $(BIN)/papermill --log-output --no-progress-bar -k python3
TIDY := $(BIN)/python scripts/tidy_executed.py   # executed notebooks without run times or machine paths: a re-run on the same data changes nothing
KEEP := $(BIN)/python scripts/keep_if_same.py     # --before DIR, then DIR after the re-run: the same numbers to 1e-4 (float noise of another CPU) keep the committed files

.PHONY: install test reproduce pretrain-cpu rl-cpu fig6-cpu critical-cpu branching-cpu bench bench-quick export clean-nbs docs docs-quick

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e ".[dev,trl]"
	touch $(STAMP)

install: $(STAMP)

# notebooks (library + experiment notebooks at their `tiny` defaults), pytest, and the oldest transformers we declare
test: $(STAMP)
	OMP_NUM_THREADS=1 $(BIN)/nbdev-test --n-workers 2 --timing   # one thread per notebook: two spinning OpenMP pools on 2 cores run far slower
	$(BIN)/python -m pytest -q
	$(BIN)/python tests/check_dependency_floor.py
	$(BIN)/python scripts/results_pages.py check   # the README's headline and docs/results/ equal what the committed CSVs give
	$(MAKE) docs-quick

# the documentation site in _site/ (open _site/index.html): library notebooks executed so every example shows its result
docs: $(STAMP)
	$(BIN)/python scripts/build_docs.py
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build -q -f _site_mkdocs.yml

# the same site without executing the library notebooks (what `make test` checks: the site stays buildable)
docs-quick: $(STAMP)
	$(BIN)/python scripts/build_docs.py --no-execute
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build -q -f _site_mkdocs.yml
	@test -f _site/assets/mathjax/config/klcritical.js && grep -q 'src="../../assets/mathjax/MathJax.js' _site/library/02_prioritized_kl/index.html \
	  && ! grep -rlq "ajax/libs/mathjax" _site/library _site/experiments || { echo "docs: the formulas need the MathJax the site carries, not a CDN"; exit 1; }

# the paper's tables and figures at the `cpu` profile (reuses committed checkpoints unless RETRAIN=True)
reproduce: $(STAMP) pretrain-cpu critical-cpu rl-cpu fig6-cpu

pretrain-cpu: $(STAMP)
	mkdir -p outputs/$(PROFILE)/pretrain
	$(KEEP) --before outputs/$(PROFILE)/pretrain
	$(PM) nbs/experiments/01_pretrain_generalization.ipynb outputs/$(PROFILE)/pretrain/01_pretrain_generalization.ipynb \
	  -p profile $(PROFILE) -p retrain $(RETRAIN)
	$(TIDY) outputs/$(PROFILE)/pretrain/01_pretrain_generalization.ipynb
	$(KEEP) outputs/$(PROFILE)/pretrain

critical-cpu: $(STAMP)
	mkdir -p outputs/$(PROFILE)/critical_tokens
	$(KEEP) --before outputs/$(PROFILE)/critical_tokens
	$(PM) nbs/experiments/05_critical_tokens.ipynb outputs/$(PROFILE)/critical_tokens/05_critical_tokens.ipynb -p profile $(PROFILE)
	$(TIDY) outputs/$(PROFILE)/critical_tokens/05_critical_tokens.ipynb
	$(KEEP) outputs/$(PROFILE)/critical_tokens

rl-cpu: $(STAMP)
	mkdir -p outputs/$(PROFILE)/rl/fig4
	$(KEEP) --before outputs/$(PROFILE)/rl/fig4
	$(PM) nbs/experiments/02_rl_prioritized_kl.ipynb outputs/$(PROFILE)/rl/fig4/02_rl_prioritized_kl.ipynb -p profile $(PROFILE) -p n_seeds $(SEEDS) -p total_episodes $(RL_EPISODES) -p workers 2
	$(TIDY) outputs/$(PROFILE)/rl/fig4/02_rl_prioritized_kl.ipynb
	$(KEEP) outputs/$(PROFILE)/rl/fig4

# Fig. 6 (the beta ablation): beta 0 and 150 are the runs of rl-cpu; the committed runs are reused (aggregation only)
fig6-cpu: $(STAMP) rl-cpu
	mkdir -p outputs/$(PROFILE)/rl/fig6_sampled
	$(KEEP) --before outputs/$(PROFILE)/rl/fig6_sampled
	$(PM) nbs/experiments/03_rl_beta_ablation.ipynb outputs/$(PROFILE)/rl/fig6_sampled/03_rl_beta_ablation.ipynb -p profile $(PROFILE) \
	  -p n_seeds $(FIG6_SEEDS) -p total_episodes $(RL_EPISODES) -p borrow_from fig4 -p workers 2 -p experiment fig6_sampled
	$(TIDY) outputs/$(PROFILE)/rl/fig6_sampled/03_rl_beta_ablation.ipynb
	$(KEEP) outputs/$(PROFILE)/rl/fig6_sampled

# trees against chains (nbs/experiments/10_branching.ipynb): 6 arms x SEEDS, resumable (not part of `reproduce` yet)
branching-cpu: $(STAMP)
	mkdir -p outputs/$(PROFILE)/rl/branching
	$(PM) nbs/experiments/10_branching.ipynb outputs/$(PROFILE)/rl/branching/10_branching.ipynb -p profile $(PROFILE) \
	  -p n_seeds $(SEEDS) -p total_episodes $(RL_EPISODES) -p workers 2
	$(TIDY) outputs/$(PROFILE)/rl/branching/10_branching.ipynb

# benchmarks (bench/, plain scripts; not part of `make test`): a table, and outputs/bench/<date>-<machine>.csv
bench: $(STAMP)
	$(BIN)/python -m pip install -q -e ".[bench]"
	$(BIN)/python bench/run.py

bench-quick: $(STAMP)
	$(BIN)/python -m pip install -q -e ".[bench]"
	$(BIN)/python bench/run.py --quick

export: $(STAMP)
	$(BIN)/nbdev-export
	$(BIN)/nbdev-clean
