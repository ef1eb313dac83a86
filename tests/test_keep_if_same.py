"""`scripts/keep_if_same.py`: a re-run whose numbers match the committed ones to the tolerance leaves the committed files;
one that differs (a number beyond it, a small quantity that moved, a printed result, an edited notebook) is left as it
is and named; files modified before the re-run are never touched."""
import json, subprocess, sys
from pathlib import Path
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from keep_if_same import keep_if_same, note_before


def _nb(src="x = 1", out="0.1234"):
    return json.dumps(dict(cells=[dict(cell_type="code", source=[src], outputs=[dict(output_type="stream", name="stdout", text=[out])])]))


def _repo(tmp_path):
    g = lambda *a: subprocess.run(["git", *a], cwd=tmp_path, check=True, capture_output=True)
    g("init", "-q"); g("config", "user.email", "t@t"); g("config", "user.name", "t")
    d = tmp_path / "out"; d.mkdir()
    pd.DataFrame(dict(kind=["comma", "digit"], n=[40, 40], dJ=[-0.12345678, 0.0012])).to_csv(d / "t.csv", index=False)
    (d / "fig.png").write_bytes(b"png-1"); (d / "run.ipynb").write_text(_nb()); (d / "notes.md").write_text("keep me\n")
    g("add", "."); g("commit", "-qm", "results")
    return d


def _rerun(d, dJ=(-0.12345679, 0.0012000001), n=(40, 40), nb=None):
    pd.DataFrame(dict(kind=["comma", "digit"], n=list(n), dJ=list(dJ))).to_csv(d / "t.csv", index=False)
    (d / "fig.png").write_bytes(b"png-2")
    if nb: (d / "run.ipynb").write_text(nb)


def test_float_noise_keeps_the_committed_files(tmp_path, capsys):
    d = _repo(tmp_path); note_before(d); _rerun(d, nb=_nb(out="0.1235"))     # a printed number flips its last digit
    assert keep_if_same(d, 1e-4)
    assert "-0.12345678" in (d / "t.csv").read_text() and (d / "fig.png").read_bytes() == b"png-1"
    assert "0.1234" in (d / "run.ipynb").read_text() and "largest relative difference" in capsys.readouterr().out


def test_a_different_result_is_left_and_named(tmp_path, capsys):
    for kw, what in [(dict(dJ=(-0.2, 0.0012)), "dJ"), (dict(dJ=(-0.12345678, 0.00129)), "dJ"), (dict(n=(40, 41)), "integer"),
                     (dict(nb=_nb(out="0.2234")), "line 1")]:
        (w := tmp_path / what / str(len(str(kw)))).mkdir(parents=True)
        d = _repo(w); note_before(d); _rerun(d, **kw)
        assert not keep_if_same(d, 1e-4), kw
        assert (d / "fig.png").read_bytes() == b"png-2", kw                      # nothing restored
        assert what in capsys.readouterr().out


def test_an_edited_notebook_restores_nothing(tmp_path, capsys):
    d = _repo(tmp_path); note_before(d); _rerun(d, nb=_nb(src="x = 2"))
    assert not keep_if_same(d, 1e-4)
    assert "x = 2" in (d / "run.ipynb").read_text() and (d / "fig.png").read_bytes() == b"png-2"
    assert "was edited" in capsys.readouterr().out


def test_edits_made_before_the_rerun_are_left_alone(tmp_path):
    d = _repo(tmp_path); (d / "notes.md").write_text("my own edit\n"); note_before(d); _rerun(d)
    assert keep_if_same(d, 1e-4)
    assert (d / "notes.md").read_text() == "my own edit\n" and (d / "fig.png").read_bytes() == b"png-1"


def test_without_a_record_nothing_is_restored(tmp_path, capsys):
    d = _repo(tmp_path); _rerun(d)
    assert not keep_if_same(d, 1e-4) and (d / "fig.png").read_bytes() == b"png-2"
    assert "no record" in capsys.readouterr().out
