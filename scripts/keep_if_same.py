"""After a re-run, keep a folder's committed results when the new ones are the same numbers to a tolerance.

A re-run on another CPU (or BLAS) can change the last digits of a float, so `make reproduce` would leave committed CSVs,
figures and executed notebooks modified with the same results. Two calls around the re-run:

    python scripts/keep_if_same.py --before outputs/cpu/critical_tokens   # before: note the files already modified
    ... the re-run ...
    python scripts/keep_if_same.py outputs/cpu/critical_tokens [--tol 1e-4]

The second call looks at the files the re-run changed (those modified before it are left alone) and compares each with
its committed version (HEAD): CSVs cell by cell (the same shape, columns and text; integers equal; floats within
`--tol`, relative, or 1e-9 absolute), JSON value by value, executed notebooks by their printed outputs and other text
files line by line (numbers in text may also differ by one unit of their last printed digit, a rounding flip). Figures
are derived from those and are not compared. Only if every changed file is the same is the folder restored to HEAD,
figures included, with one line saying so and the largest difference. Otherwise nothing is restored and each
difference is named: a different result is a finding, never hidden. A notebook whose cells were edited is a change of
the experiment, not noise: then nothing is restored either. Without a `--before` record nothing is restored.
"""
from __future__ import annotations
import argparse, hashlib, io, json, math, re, subprocess, sys
from pathlib import Path
import numpy as np
import pandas as pd

FIGURES = (".png", ".jpg", ".jpeg", ".svg", ".pdf")
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


def _git(*args, root: Path) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def _changed(root: Path, rel: Path) -> list[str]:
    "Files under `rel` that differ from HEAD (tracked and modified or deleted), NUL-separated so that any name survives."
    out = _git("diff", "--name-only", "-z", "HEAD", "--", str(rel), root=root)
    return [f for f in out.split("\0") if f]


def _record(root: Path, rel: Path) -> Path:
    d = Path(_git("rev-parse", "--absolute-git-dir", root=root).strip()) / "keep_if_same"
    return d / (hashlib.sha1(str(rel).encode()).hexdigest()[:16] + ".json")


def _close(x: float, y: float, tol: float) -> bool:
    return math.isclose(x, y, rel_tol=tol, abs_tol=1e-9) or (math.isnan(x) and math.isnan(y))


def compare_csv(new: pd.DataFrame, old: pd.DataFrame, tol: float) -> tuple[float, list[str]]:
    "The largest relative difference of the floats and the reasons `new` is not `old` within `tol`."
    if list(new.columns) != list(old.columns): return math.inf, [f"columns {list(old.columns)} -> {list(new.columns)}"]
    if new.shape != old.shape: return math.inf, [f"shape {old.shape} -> {new.shape}"]
    worst, why = 0.0, []
    for c in old.columns:
        a, b = new[c], old[c]
        if pd.api.types.is_integer_dtype(a) and pd.api.types.is_integer_dtype(b):
            if not a.equals(b): why.append(f"{c}: {int((a != b).sum())} integer(s) differ")
        elif pd.api.types.is_numeric_dtype(a) and pd.api.types.is_numeric_dtype(b):
            x, y = a.to_numpy(float), b.to_numpy(float)
            if (np.isnan(x) != np.isnan(y)).any(): why.append(f"{c}: missing values differ"); continue
            ok = np.isclose(x, y, rtol=tol, atol=1e-9, equal_nan=True)
            rel = np.abs(np.nan_to_num(x - y)) / np.maximum(np.abs(np.nan_to_num(y)), 1e-300)
            worst = max(worst, float(np.where(np.abs(np.nan_to_num(x - y)) > 1e-9, rel, 0).max(initial=0.0)))
            if not ok.all(): why.append(f"{c}: {int((~ok).sum())} value(s) beyond {tol:g}")
        elif not a.astype(str).equals(b.astype(str)):
            why.append(f"{c}: text differs in {int((a.astype(str) != b.astype(str)).sum())} row(s)")
    return worst, why


def compare_json(new, old, tol: float, where: str = "") -> list[str]:
    "Where two JSON values differ beyond `tol` (numbers) or at all (anything else)."
    if isinstance(old, dict) and isinstance(new, dict):
        if set(old) != set(new): return [f"{where or 'top'}: keys {sorted(set(old) ^ set(new))} differ"]
        return [w for k in old for w in compare_json(new[k], old[k], tol, f"{where}.{k}")]
    if isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new): return [f"{where}: {len(old)} -> {len(new)} items"]
        return [w for i, (a, b) in enumerate(zip(new, old)) for w in compare_json(a, b, tol, f"{where}[{i}]")]
    num = lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)
    if num(old) and num(new):
        if isinstance(old, int) and isinstance(new, int): return [] if old == new else [f"{where}: {old} -> {new}"]
        return [] if _close(float(new), float(old), tol) else [f"{where}: {old} -> {new}"]
    return [] if new == old else [f"{where}: {old!r} -> {new!r}"]


def compare_text(new: str, old: str, tol: float) -> list[str]:
    "Lines that differ, numbers allowed `tol` (relative) or one unit of their last printed digit."
    why = []
    a, b = new.splitlines(), old.splitlines()
    if len(a) != len(b): return [f"{len(b)} -> {len(a)} lines"]
    for i, (x, y) in enumerate(zip(a, b)):
        if x == y: continue
        if NUMBER.split(x) != NUMBER.split(y): why.append(f"line {i + 1} differs"); continue
        for p, q in zip(NUMBER.findall(x), NUMBER.findall(y)):
            unit = 10.0 ** -len(q.split(".")[1].split("e")[0].split("E")[0]) if "." in q else 1.0
            if not (_close(float(p), float(q), tol) or abs(float(p) - float(q)) <= unit * 1.0001):
                why.append(f"line {i + 1}: {q} -> {p}"); break
    return why


def _outputs_text(nb: dict) -> str:
    "What the cells printed and displayed as text, cell by cell (images are figures: not compared)."
    out = []
    for c in nb["cells"]:
        for o in c.get("outputs", []):
            if "text" in o: out.append("".join(o["text"]))
            for mime, v in o.get("data", {}).items():
                if mime.startswith("text/"): out.append("".join(v) if isinstance(v, list) else str(v))
        out.append("\f")
    return "\n".join(out)


def _sources(nb: dict) -> list:
    return [(c["cell_type"], "".join(c["source"])) for c in nb["cells"]]


def keep_if_same(folder: Path, tol: float = 1e-4) -> bool:
    "Restore `folder`'s files that its re-run changed when they match HEAD within `tol`; True if restored (or unchanged)."
    root = Path(_git("rev-parse", "--show-toplevel", root=folder).strip())
    rel = folder.resolve().relative_to(root)
    rec = _record(root, rel)
    if not rec.exists():
        print(f"{rel}: no record of its state before the re-run (keep_if_same.py --before {rel}): nothing restored"); return False
    before = set(json.loads(rec.read_text())); rec.unlink()
    changed = [f for f in _changed(root, rel) if f not in before]
    if not changed:
        print(f"{rel}: the re-run left the committed files as they were"); return True
    worst, problems = 0.0, {}
    for f in changed:
        p = root / f
        if not p.exists(): problems[f] = ["deleted"]; continue
        if f.endswith(FIGURES): continue
        old = _git("show", f"HEAD:{f}", root=root)
        if f.endswith(".csv"):
            w, why = compare_csv(pd.read_csv(p), pd.read_csv(io.StringIO(old)), tol); worst = max(worst, w)
        elif f.endswith(".ipynb"):
            n, o = json.loads(p.read_text()), json.loads(old)
            if _sources(n) != _sources(o):
                print(f"{rel}: {f} was edited (its cells differ from HEAD): a change of the experiment, not noise; nothing restored"); return False
            why = compare_text(_outputs_text(n), _outputs_text(o), tol)
        elif f.endswith(".json"):
            why = compare_json(json.loads(p.read_text()), json.loads(old), tol)
        else:
            try: why = compare_text(p.read_text(), old, tol)
            except UnicodeDecodeError: why = ["a binary file that is not a figure differs"]
        if why: problems[f] = why
    if problems:
        print(f"{rel}: the re-run differs from the committed results beyond {tol:g}; its files are left as they are:")
        for f, why in problems.items(): print(f"  {f}: " + "; ".join(why[:5]) + (f" (and {len(why) - 5} more)" if len(why) > 5 else ""))
        return False
    _git("checkout", "HEAD", "--", *changed, root=root)
    print(f"{rel}: the re-run matches the committed results (largest relative difference {worst:.2g}, within {tol:g}); "
          f"the committed files are kept ({len(changed)} restored: {', '.join(Path(f).name for f in changed)})")
    return True


def note_before(folder: Path) -> None:
    "Record the files of `folder` that differ from HEAD now: the re-run's comparison leaves them alone."
    root = Path(_git("rev-parse", "--show-toplevel", root=folder).strip())
    rel = folder.resolve().relative_to(root)
    rec = _record(root, rel); rec.parent.mkdir(parents=True, exist_ok=True)
    rec.write_text(json.dumps(_changed(root, rel)))


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--before", action="store_true", help="record the folders' modified files before a re-run")
    ap.add_argument("--tol", type=float, default=1e-4, help="largest relative difference of a float taken as the same number")
    a = ap.parse_args()
    for d in a.folders:
        d.mkdir(parents=True, exist_ok=True)
        note_before(d) if a.before else keep_if_same(d, a.tol)
