"""After a re-run, keep the committed results of a folder when the new ones are the same numbers to a tolerance.

A re-run on another CPU (or BLAS) can change the last digits of a float, so `make reproduce` would leave committed CSVs,
figures and executed notebooks modified with the same results. For each folder given, this compares every CSV that
differs from the committed one (HEAD) cell by cell: same shape, same columns, the same text, and numbers within
`--tol` (relative to max(1, |committed|)). If every changed CSV of the folder is within it, the folder's changed files
(CSVs, figures, executed notebooks whose cells were not edited) are restored to HEAD and one line says so, with the largest difference. If one is
not, nothing is restored and the differing cells are listed: a different result is a finding, never hidden.

    python scripts/keep_if_same.py outputs/cpu/critical_tokens [--tol 1e-4]
"""
from __future__ import annotations
import argparse, io, subprocess, sys
from pathlib import Path
import numpy as np
import pandas as pd


def _git(*args, root: Path) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def compare_csv(new: pd.DataFrame, old: pd.DataFrame, tol: float) -> tuple[float, list[str]]:
    "The largest numeric difference (relative to max(1, |old|)) and the reasons `new` is not `old` within `tol`."
    if list(new.columns) != list(old.columns): return np.inf, [f"columns {list(old.columns)} -> {list(new.columns)}"]
    if new.shape != old.shape: return np.inf, [f"shape {old.shape} -> {new.shape}"]
    worst, why = 0.0, []
    for c in old.columns:
        a, b = new[c], old[c]
        if pd.api.types.is_numeric_dtype(a) and pd.api.types.is_numeric_dtype(b):
            x, y = a.to_numpy(float), b.to_numpy(float)
            if (np.isnan(x) != np.isnan(y)).any(): why.append(f"{c}: missing values differ"); continue
            d = np.abs(np.nan_to_num(x - y)) / np.maximum(1.0, np.abs(np.nan_to_num(y)))
            worst = max(worst, float(d.max(initial=0.0)))
            if (d > tol).any(): why.append(f"{c}: {int((d > tol).sum())} value(s) beyond {tol:g} (largest {d.max():.3g})")
        elif not a.astype(str).equals(b.astype(str)):
            why.append(f"{c}: text differs in {int((a.astype(str) != b.astype(str)).sum())} row(s)")
    return worst, why


def keep_if_same(folder: Path, tol: float = 1e-4) -> bool:
    "Restore `folder`'s changed files to HEAD when its changed CSVs match the committed ones within `tol`; True if restored (or unchanged)."
    root = Path(_git("rev-parse", "--show-toplevel", root=folder).strip())
    rel = folder.resolve().relative_to(root)
    changed = [f for f in _git("diff", "--name-only", "HEAD", "--", str(rel), root=root).splitlines() if f]
    if not changed:
        print(f"{rel}: the re-run left the committed files as they were"); return True
    worst, problems = 0.0, {}
    for f in (f for f in changed if f.endswith(".csv")):
        if not (root / f).exists(): problems[f] = ["deleted"]; continue
        old = pd.read_csv(io.StringIO(_git("show", f"HEAD:{f}", root=root)))
        w, why = compare_csv(pd.read_csv(root / f), old, tol)
        worst = max(worst, w)
        if why: problems[f] = why
    if problems:
        print(f"{rel}: the re-run differs from the committed results beyond {tol:g}; its files are left as they are:")
        for f, why in problems.items(): print(f"  {f}: " + "; ".join(why))
        return False
    import json
    def sources(text): return [("".join(c["source"]), c["cell_type"]) for c in json.loads(text)["cells"]]
    edited = [f for f in changed if f.endswith(".ipynb") and (root / f).exists()
              and sources((root / f).read_text()) != sources(_git("show", f"HEAD:{f}", root=root))]
    for f in edited: print(f"  {f}: its cells changed (the notebook was edited): kept as re-run")
    changed = [f for f in changed if f not in edited and (root / f).exists()]
    if changed: _git("checkout", "HEAD", "--", *changed, root=root)
    print(f"{rel}: the re-run matches the committed results (largest difference {worst:.2g}, within {tol:g}); "
          f"the committed files are kept ({len(changed)} restored: {', '.join(Path(f).name for f in changed)})")
    return True


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--tol", type=float, default=1e-4, help="largest difference, relative to max(1, |committed|), taken as the same number")
    a = ap.parse_args()
    for d in a.folders: keep_if_same(d, a.tol)
