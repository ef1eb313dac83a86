"""The benchmark's before/after section measures what it says: its reference decoder (the previous SDPA attention)
gives the same logits as `KVDecoder`, and the section runs end to end on a tiny batch."""
import sys
from pathlib import Path
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


def test_sdpa_reference_decoder_matches_kvdecoder():
    from before_after import SDPADecoder
    from klcritical.rollout import KVDecoder
    from klcritical.model import make_model
    lm = make_model("tiny", seed=0).eval()
    x = torch.randint(0, lm.config.vocab_size, (3, 10)); valid = torch.ones(3, 10, dtype=torch.bool); valid[0, :3] = False
    pos = (valid.long().cumsum(-1) - 1).clamp(min=0)
    a, b = KVDecoder(lm, 3, 10), SDPADecoder(lm, 3, 10)
    torch.testing.assert_close(a(x[:, :6], pos[:, :6], valid[:, :6]), b(x[:, :6], pos[:, :6], valid[:, :6]), atol=1e-5, rtol=1e-4)
    for j in range(6, 10):
        torch.testing.assert_close(a(x[:, j:j + 1], pos[:, j:j + 1], valid[:, j:j + 1]),
                                   b(x[:, j:j + 1], pos[:, j:j + 1], valid[:, j:j + 1]), atol=1e-5, rtol=1e-4)


def _tiny_checkpoint(path):
    from klcritical.model import make_model
    from klcritical.runs import save_checkpoint
    from klcritical.scratchpad import ADDITION
    return save_checkpoint(path, make_model("tiny", seed=0), ADDITION.tokenizer(), dict(profile="tiny"))


def test_before_after_section_runs(tmp_path):
    import before_after
    from common import Results
    res = Results(verbose=False)   # a tiny model: the section's logic, not the `cpu` model's speed (that is the benchmark's job)
    before_after.rollout_ab(res, quick=True, checkpoint=str(_tiny_checkpoint(tmp_path / "m")), digits=2, episodes=4, rounds=1)
    before_after.pretrain_ab(res, quick=True, rounds=1, batch_size=4, digits=2, warmup=1, steps=1)
    rows = {r.name: r for r in res.rows}
    assert rows["pretrain_first_loss_max_abs_diff"].value < 1e-2
    for name in ("hf_default", "eager", "fast_kernels"): assert rows[f"pretrain_step_{name}_s"].value > 0
    for name in before_after.VARIANTS: assert rows[f"rollout_{name}_s"].value > 0
    assert 0 <= rows["same_samples_share"].value <= 1


def test_token_minibatch_collect_runs(tmp_path):
    import rl_speed
    from common import Results
    _tiny_checkpoint(tmp_path / "m")
    res = Results(verbose=False)
    cfg = rl_speed.rl_config(4, rl_speed.length_cap(2))
    rl_speed.token_minibatch_collect(res, tmp_path / "m", cfg, digits=2, size=16)
    rows = {r.name: r for r in res.rows}
    assert rows["token16_update_s"].value > 0 and "Adam steps" in rows["token16_total_s"].notes


def test_speculative_section_fields_and_run(tmp_path):
    import speculative
    from common import Results
    from klcritical.scratchpad import ADDITION
    text = ADDITION.target((4567, 8912))
    f = speculative.field_of(text)
    assert len(f) == len(text) and set(f) <= set(speculative.FIELDS)
    assert f[text.index("[4,5,6,7]") + 1] == "operand lists" and f[text.index("A=[9]") + 3] == "accumulator A=[…]"
    assert f[text.index("7+2+0=9")] == "digit sum" and f[-2] == "answer line"
    res = Results(verbose=False)          # a tiny model: the section's logic (greedy checked token for token inside), not its speed
    speculative.run(res, quick=True, checkpoint=str(_tiny_checkpoint(tmp_path / "m")), episodes=4, digits=2, rounds=1)
    rows = {r.name: r.value for r in res.rows}
    assert rows["greedy, plain: s per rollout"] > 0 and "sampled T=1, k=4: drafts kept per row and pass" in rows
