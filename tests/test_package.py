"""The package works without the notebooks and without Jupyter."""
import subprocess, sys, zipfile, textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_imports_without_nbs_or_jupyter(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True)
    whl = next(tmp_path.glob("klcritical-*.whl"))
    names = zipfile.ZipFile(whl).namelist()
    assert not any(n.startswith("nbs/") or n.endswith(".ipynb") for n in names)
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(whl)], check=True)
    code = textwrap.dedent("""
        import sys
        sys.path = [p for p in sys.path if 'work/main' not in p or 'site-packages' in p]
        import klcritical, klcritical.scratchpad, klcritical.model, klcritical.pretrain, klcritical.eval, klcritical.rollout
        import klcritical.prioritized_kl, klcritical.a2c, klcritical.cli
        from klcritical import certainty, train_a2c, ADDITION, load_checkpoint, __all__ as api
        assert all(getattr(klcritical, n) is not None for n in api)          # every re-export resolves
        assert klcritical.__file__.startswith(sys.argv[1]), klcritical.__file__
        bad = [m for m in sys.modules if m.split('.')[0] in ('IPython', 'nbdev', 'jupyter_client', 'ipykernel', 'execnb', 'papermill')]
        assert not bad, bad
        print('ok')
    """)
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code, str(site)], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_experiment_notebooks_take_papermill_parameters():
    import json
    nbs = sorted((ROOT / "nbs" / "experiments").glob("*.ipynb"))
    assert nbs
    for nb in nbs:
        cells = json.loads(nb.read_text())["cells"]
        tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, f"{nb.name}: needs exactly one cell tagged 'parameters' (nbdev-clean must keep tags)"
        assert "profile = \"tiny\"" in "".join(tagged[0]["source"]), f"{nb.name}: parameters must default to tiny"


def test_command_line_entry_points():
    "`python -m klcritical` lists the commands (exit 2 without one); a command's --help lists its flags."
    r = subprocess.run([sys.executable, "-m", "klcritical"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "critical-tokens" in r.stdout
    r = subprocess.run([sys.executable, "-m", "klcritical", "rl", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "--beta" in r.stdout and "--overrides" in r.stdout


def test_trl_extra_matches_the_tested_range():
    "`pip install klcritical[trl]` installs exactly the TRL releases the integration was tested on (and refuses others)."
    import tomllib
    from packaging.specifiers import SpecifierSet
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["trl"]
    spec = SpecifierSet(extra[0].removeprefix("trl"))
    from klcritical.integrations.trl import TESTED_TRL
    lo, hi = TESTED_TRL
    assert str(lo) in spec and str(hi) not in spec, (extra, TESTED_TRL)


def test_package_root_gives_the_headline_functions():
    "`from klcritical import prioritized_kl, pretrain` gives the functions, before and after their modules are imported."
    code = textwrap.dedent("""
        import inspect, importlib
        from klcritical import prioritized_kl, pretrain, RLConfig, PretrainConfig, train_grpo
        assert inspect.isfunction(prioritized_kl) and inspect.isfunction(pretrain), (prioritized_kl, pretrain)
        import klcritical.pretrain, klcritical.prioritized_kl                  # the modules, imported: the root keeps the functions
        from klcritical.pretrain import flops_per_token                        # a module's other names, from the module
        import klcritical
        assert klcritical.pretrain is pretrain and klcritical.prioritized_kl is prioritized_kl
        assert importlib.import_module("klcritical.pretrain").pretrain is pretrain
        assert RLConfig().c_kl > 0 and callable(train_grpo) and PretrainConfig is klcritical.config.PretrainConfig
        print('ok')
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_every_root_name_resolves():
    "Each name the package root lists is defined by the module it points to (a moved function fails here, not in a user's code)."
    import klcritical
    missing = [n for n in klcritical.__all__ if not hasattr(klcritical, n)]
    assert not missing, missing
