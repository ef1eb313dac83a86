"""A matrix of tiny real updates (in the manner of TRL's loss-type tests): every registered KL estimator x placement x
token method takes a few A2C steps (and every other registered learner, with each method) from a tiny pre-trained model; the loss stays finite and the parameters move."""
import itertools, math
import numpy as np
import pytest
import torch
from klcritical.a2c import LEARNERS, a2c_models, a2c_step, check_rl_config
from klcritical.methods import TOKEN_METHODS
from klcritical.config import get_profile
from klcritical.runs import load_checkpoint
from klcritical.prioritized_kl import KL_ESTIMATOR_REGISTRY, KL_PLACEMENTS
from klcritical.pretrain import ensure_pretrained
from klcritical.scratchpad import ADDITION

METHODS = [None] + sorted(TOKEN_METHODS)        # every registered method with its default settings, and none


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory):
    return ensure_pretrained("tiny", 2, tmp_path_factory.mktemp("matrix") / "N2", seed=0, progress=False)


CASES = ([("a2c", e, pl, m) for e, pl, m in itertools.product(sorted(KL_ESTIMATOR_REGISTRY), KL_PLACEMENTS, METHODS)]
         + [(lr, "k2", "loss", m) for lr in sorted(LEARNERS) if lr != "a2c" for m in METHODS])   # the other learners: every method


@pytest.mark.parametrize("learner,estimator,placement,method", CASES)
def test_a_few_steps_move_the_parameters(checkpoint, learner, estimator, placement, method):
    p = get_profile("tiny", rl__learner=learner, rl__kl_estimator=estimator, rl__kl_placement=placement, rl__beta=150.0, rl__lr=1e-3,
                    rl__methods={method: {}} if method else {},
                    rl__branching={"rule": "certainty", "points": 1, "branches": 2} if learner == "tree" else {})
    check_rl_config(p.rl)
    torch.manual_seed(0)
    ac, ref = a2c_models(load_checkpoint(checkpoint)[0], load_checkpoint(checkpoint)[0], device="cpu", minibatch_size=4)
    tok = load_checkpoint(checkpoint)[1]
    before = [t.detach().clone() for t in ac.parameters()]
    opt, g, rng = torch.optim.Adam(ac.parameters(), lr=p.rl.lr), torch.Generator().manual_seed(0), np.random.default_rng(0)
    for _ in range(2):
        s, _ = a2c_step(ac, ref, opt, tok, ADDITION.sample(rng, 2, 6), p.rl, g, ADDITION)
        assert all(math.isfinite(v) for k, v in s.items() if isinstance(v, float) and k not in ("pg_mass_crit", "branch_crit")), s
    moved = sum(not torch.equal(a, b) for a, b in zip(before, ac.parameters()))
    assert moved > 0.5 * len(before), f"only {moved} of {len(before)} parameter tensors changed"
