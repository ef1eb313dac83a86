"""`scripts/keep_if_same.py`: a re-run whose numbers match the committed ones to the tolerance leaves the committed files;
one that differs beyond it is left as it is, and says where."""
import json, subprocess, sys
from pathlib import Path
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from keep_if_same import keep_if_same


def _repo(tmp_path):
    g = lambda *a: subprocess.run(["git", *a], cwd=tmp_path, check=True, capture_output=True)
    g("init", "-q"); g("config", "user.email", "t@t"); g("config", "user.name", "t")
    d = tmp_path / "out"; d.mkdir()
    pd.DataFrame(dict(kind=["comma", "digit"], dJ=[-0.12345678, 0.5])).to_csv(d / "t.csv", index=False)
    (d / "fig.png").write_bytes(b"png-1")
    (d / "run.ipynb").write_text(json.dumps(dict(cells=[dict(cell_type="code", source=["x = 1"], outputs=[])])))
    g("add", "."); g("commit", "-qm", "results")
    return d


def test_float_noise_keeps_the_committed_files(tmp_path, capsys):
    d = _repo(tmp_path)
    pd.DataFrame(dict(kind=["comma", "digit"], dJ=[-0.12345679, 0.5000002])).to_csv(d / "t.csv", index=False)
    (d / "fig.png").write_bytes(b"png-2")
    assert keep_if_same(d, 1e-4)
    assert "-0.12345678" in (d / "t.csv").read_text() and (d / "fig.png").read_bytes() == b"png-1"
    assert "largest difference" in capsys.readouterr().out


def test_a_different_result_is_left_and_named(tmp_path, capsys):
    d = _repo(tmp_path)
    pd.DataFrame(dict(kind=["comma", "digit"], dJ=[-0.2, 0.5])).to_csv(d / "t.csv", index=False)
    (d / "fig.png").write_bytes(b"png-2")
    assert not keep_if_same(d, 1e-4)
    assert "-0.2" in (d / "t.csv").read_text() and (d / "fig.png").read_bytes() == b"png-2"
    assert "dJ: 1 value(s) beyond" in capsys.readouterr().out


def test_an_edited_notebook_is_kept(tmp_path, capsys):
    d = _repo(tmp_path)
    (d / "run.ipynb").write_text(json.dumps(dict(cells=[dict(cell_type="code", source=["x = 2"], outputs=[])])))
    (d / "fig.png").write_bytes(b"png-2")
    assert keep_if_same(d, 1e-4)
    assert "x = 2" in (d / "run.ipynb").read_text() and (d / "fig.png").read_bytes() == b"png-1"
