"The README's headline and the results pages are what the committed CSVs give: a changed number fails the check."
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import results_pages as rp


def test_committed_pages_match_the_csvs():
    assert rp.main(["check"]) == 0


def test_a_changed_result_fails_the_check(monkeypatch, capsys):
    read = rp._read
    def moved(path):                                   # the Fig. 4 run as if its prioritized arm had ended 0.05 higher
        df = read(path).copy()
        if path == "outputs/cpu/rl/fig4/summary.csv": df.loc[df.arm == "prioritized KL", "final"] += 0.05
        return df
    monkeypatch.setattr(rp, "_read", moved)
    assert rp.main(["check"]) == 1
    out = capsys.readouterr()
    assert "README.md" in out.err and "0.342" in out.out   # the stale headline is named, with the number the data give


def test_missing_data_is_named():
    import pytest
    with pytest.raises(FileNotFoundError, match="outputs/cpu/rl/nope/summary.csv"):
        rp.csv("outputs/cpu/rl/nope/summary.csv")
    with pytest.raises(LookupError, match="0 rows"):
        rp.one("outputs/cpu/rl/fig4/summary.csv", arm="no such arm")
