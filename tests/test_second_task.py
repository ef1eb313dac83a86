"""A second task, defined only here, goes through the unchanged library: pre-training, an A2C run, and the
critical-token table. If a module still assumed addition (its prompts, its answer parser, its stop rule, its operand
pairs), this would fail."""
import numpy as np
import pandas as pd
import pytest
from klcritical.scratchpad import Task, CriticalToken
from klcritical.config import get_profile
from klcritical.runs import load_checkpoint
from klcritical.pretrain import ensure_pretrained
from klcritical.finetune import train_a2c
from klcritical.rollout import answer_accuracy
from klcritical.eval import token_certainty, certainty_gaps, summarize_gaps, gap_table, decisiveness


class ReverseTask(Task):
    "Write a digit string backwards. A problem is the string; a model pre-trained on 1..N digits is unsure where to go on."
    name, alphabet, stop_after = "reverse", "0123456789R:\n", ""      # "": a row ends at its first newline
    critical_kinds = ("late",)                                         # its own label: Table 1 gets a row "lates"

    def sample(self, rng, length, n, kind=None):                      # no kinds of its own; the pre-training mix is the base class's
        return ["".join(map(str, rng.integers(0, 10, size=length))) for _ in range(n)]
    def longest(self, length): return "9" * length
    def prompt(self, x): return f"R{x}:"
    def target(self, x): return x[::-1] + "\n"
    def is_correct(self, x, text): return text.split("\n")[0] == x[::-1]
    def critical_positions(self, x, n_pretrained):   # the digits past the N-th: where a model of N digits would stop
        return [CriticalToken(i, x[::-1][i], "late", rank=i - n_pretrained + 1) for i in range(n_pretrained, len(x))]


@pytest.fixture(scope="module")
def pretrained(tmp_path_factory):
    task, d = ReverseTask(), tmp_path_factory.mktemp("reverse")
    p = get_profile("tiny", pretrain__steps=6, pretrain__eval_every=3, pretrain__ckpt_every=3, pretrain__n_quick_eval=4)
    ck = ensure_pretrained(p, 3, d / "ck", task=task, progress=False)
    return task, p, ck, d


def test_pretrain_records_the_task(pretrained):
    task, p, ck, _ = pretrained
    m, tok, meta = load_checkpoint(ck)
    assert meta["task"] == "reverse" and meta["max_digits"] == 3
    assert len(tok) == len(task.alphabet) + 2 and m.config.vocab_size == len(tok)
    acc = answer_accuracy(m, tok, task.sample(np.random.default_rng(0), 2, 6), task=task)
    assert acc.shape == (6,)


def test_a2c_runs_on_the_task(pretrained):
    task, p, ck, d = pretrained
    rl = p.with_(rl__total_episodes=16, rl__episodes_per_collect=8, rl__minibatch_size=4, rl__eval_every=1, rl__n_eval=4)
    df = train_a2c(ck, d / "rl", rl, seed=0, progress=False, task=task)
    assert list(df.episodes) == [0, 8, 16]
    assert "p_crit_late" in df.columns                          # the task's own critical token, tracked by the run
    assert df.train_success.iloc[1:].between(0, 1).all() and np.isfinite(df.kl.iloc[1:]).all()


def test_a2c_refuses_a_mismatched_task(pretrained):
    task, p, ck, d = pretrained
    with pytest.raises(ValueError, match="Task object"):                # the checkpoint names a task the registry lacks
        train_a2c(ck, d / "rl2", p, progress=False)


def test_critical_token_table_on_the_task(pretrained):
    task, p, ck, _ = pretrained
    m, tok, _ = load_checkpoint(ck)
    xs = task.sample(np.random.default_rng(1), 5, 8)
    f = token_certainty(m, tok, xs, 3, texts=[task.target(x) for x in xs], task=task)
    assert f.critical.sum() == 8 * 2                                    # digits 4 and 5 of each reversed string
    assert f[f.critical].pos.isin([3, 4]).all() and set(f.columns) >= {"problem", "certainty", "crit_name"}
    assert "".join(f[f.prompt_id == 0].token) == task.target(xs[0])    # teacher forcing follows the given text
    s = summarize_gaps(certainty_gaps(f))
    assert np.isfinite(s["dJ_critical"]) and np.isfinite(s["dJ_late"]) and "dJ_digit" not in s and "dJ_comma" not in s
    t1, per_output = gap_table(f, {"certainty": ("Eq. 2", 1.0)}, N=3)      # Table 1 in the task's own kinds
    assert t1.tokens.tolist() == ["all", "lates"] and np.isfinite(t1.dJ).all() and len(per_output) == 8
    d = decisiveness(f)
    assert d.critical_token.str.startswith("lates").any() and not d.critical_token.str.contains("comma|digit").any()


def test_command_line_on_the_task(pretrained, monkeypatch, tmp_path):
    "Registered by name, the task goes through every stage of the CLI: `pretrain --task`, then `evaluate`, `critical-tokens`, `sharpness` and `rl` take it from the checkpoint."
    from klcritical import scratchpad
    from klcritical.cli import pretrain_cmd, evaluate_cmd, sharpness_cmd, critical_tokens_cmd, main
    task, p, ck, _ = pretrained
    monkeypatch.setitem(scratchpad.TASKS, task.name, task)
    over = '{"pretrain__steps": 6, "pretrain__eval_every": 3, "pretrain__ckpt_every": 3, "pretrain__n_quick_eval": 4}'
    ck2 = pretrain_cmd(str(tmp_path / "ck"), profile="tiny", n=3, overrides=over, task="reverse", quiet=True)
    assert load_checkpoint(ck2)[2]["task"] == "reverse"
    acc = evaluate_cmd(ck2, lengths="[2, 3]", n=4)
    assert list(acc.length) == [2, 3] and acc.accuracy.between(0, 1).all()
    s = sharpness_cmd(ck2, n=4, n_sampled=2)
    assert len(s) == 1 and np.isfinite(s.filter(like="certainty").to_numpy(dtype=float)).all()
    t1 = critical_tokens_cmd(ck2, n=4, temperatures="[1]")              # Table 1 in the task's own kinds
    assert t1.tokens.tolist() == ["all", "lates"] and (t1.N == 3).all()
    rl = ["--rl.total_episodes", "8", "--rl.episodes_per_collect", "4", "--rl.minibatch_size", "4", "--rl.eval_every", "1", "--rl.n_eval", "4"]
    assert main(["rl", ck2, str(tmp_path / "rl"), "--profile", "tiny", "--quiet", *rl]) == 0
    m = pd.read_csv(tmp_path / "rl" / "metrics.csv")
    assert list(m.episodes) == [0, 4, 8] and "p_crit_late" in m.columns
