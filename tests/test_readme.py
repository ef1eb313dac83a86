"The README's quickstart runs verbatim from the repository root and prints what the README says it prints."
import re, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _blocks():
    s = (ROOT / "README.md").read_text()
    i = s.index("## The library in ten lines")
    code = re.search(r"```python\n(.*?)```", s[i:], re.S)
    shown = re.search(r"```text\n(.*?)```", s[i + code.end():], re.S)
    return code.group(1), shown.group(1)


def _same(a: str, b: str) -> bool:
    "Equal line by line, numbers within 5% (the last digit of a float may differ between machines)."
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb): return False
    for x, y in zip(ta, tb):
        try: fx, fy = float(x), float(y)
        except ValueError:
            if x != y: return False
            continue
        if abs(fx - fy) > 0.05 * max(abs(fx), abs(fy)): return False
    return True


def test_quickstart_runs_verbatim():
    code, shown = _blocks()
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    got, want = r.stdout.strip().splitlines(), shown.strip().splitlines()
    assert len(got) == len(want) and all(_same(g, w) for g, w in zip(got, want)), (got, want)
