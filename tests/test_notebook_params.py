"""Experiment notebooks refuse a misspelt or invalid papermill parameter with one clear line, before any work is done."""
from pathlib import Path
import papermill as pm
import pytest
from klcritical.sweep import QUIET_KERNEL

NB = Path(__file__).resolve().parents[1] / "nbs" / "experiments"


def run(nb: str, tmp_path, **params):
    with pytest.raises(pm.PapermillExecutionError) as e:
        pm.execute_notebook(str(NB / nb), str(tmp_path / "out.ipynb"), parameters=params, progress_bar=False, cwd=str(tmp_path),
                            extra_arguments=QUIET_KERNEL)
    return str(e.value)


def test_misspelt_parameter_is_refused(tmp_path):
    msg = run("01_pretrain_generalization.ipynb", tmp_path, profle="cpu")
    assert "unknown parameter(s)" in msg and "profle" in msg and "this notebook takes" in msg


def test_invalid_values_are_refused(tmp_path):
    assert "n_seeds must be a positive integer" in run("02_rl_prioritized_kl.ipynb", tmp_path, n_seeds=0)
    assert "N must be a positive integer" in run("rl_single_run.ipynb", tmp_path, N=0)
    assert "Ns must be a positive integer" in run("05_critical_tokens.ipynb", tmp_path, Ns="[3, 0]")
