"""The results pages and the README's headline, rendered from the committed CSVs, so that no number is typed by hand.

`docs/templates/*.md` are Jinja2 templates: their prose says only what does not change with the data, and every
number, table and verdict comes from a CSV under `outputs/` through the helpers below. They are rendered into
`docs/results/*.md` (committed, so that the pages read on GitHub as on the site), and the README's generated blocks
(between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`) from `docs/templates/_NAME.md`.

    python scripts/results_pages.py write            # render docs/results/ and the README's blocks from the CSVs
    python scripts/results_pages.py check            # both equal what the committed CSVs give now (make test)
    python scripts/results_pages.py render OUT_DIR   # the pages into another folder
"""
from __future__ import annotations
import argparse, difflib, functools, math, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "docs" / "templates"
PAGES = ROOT / "docs" / "results"
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- generated:(?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- /generated:(?P=name) -->)", re.S)


@functools.lru_cache(maxsize=None)
def _read(path: str):
    import pandas as pd
    f = ROOT / path
    if not f.exists(): raise FileNotFoundError(f"results page: {path} is not in the repository (has its run been committed?)")
    if f.stat().st_size == 0: return pd.DataFrame()       # written before any row existed (e.g. no paper-scale window yet)
    d = pd.read_csv(f)
    if "verdict" in d.columns: d = d[d.verdict != "not run"].reset_index(drop=True)   # a claim on an arm a sweep skipped: no result
    return d


def csv(path: str, **where):
    "The committed CSV `path` (from the repository root), keeping the rows whose columns equal `where`'s values."
    df = _read(path)
    for k, v in where.items():
        if k not in df.columns: raise KeyError(f"{path} has no column {k!r}; it has {list(df.columns)}")
        df = df[df[k] == v]
    return df.reset_index(drop=True)


def one(path: str, **where):
    "The single row of `path` matching `where`: an error naming the file and the filter when there are none or several."
    df = csv(path, **where)
    if len(df) != 1: raise LookupError(f"{path} has {len(df)} rows where {where}, not one")
    return df.iloc[0]


def num(x, d: int = 3) -> str:
    "`x` with `d` decimals; a missing value as '–'."
    if x is None or (isinstance(x, float) and math.isnan(x)): return "–"
    if isinstance(x, str): return x
    return f"{float(x):.{d}f}".replace("-", "−")


def ci(row, col: str, d: int = 3) -> str:
    "'mean [lo, hi]' from the columns `col`, `col_lo`, `col_hi` of a row (a CSV row of a summary)."
    lo, hi = row.get(f"{col}_lo"), row.get(f"{col}_hi")
    if lo is None or (isinstance(lo, float) and math.isnan(lo)): return num(row[col], d)
    return f"{num(row[col], d)} [{num(lo, d)}, {num(hi, d)}]"


def table(rows, columns: dict) -> str:
    "A Markdown table: `columns` maps each header to a column name or to a function of the row giving the cell's text."
    if hasattr(rows, "iterrows"): rows = [r for _, r in rows.iterrows()]
    head = "| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n"
    cell = lambda r, c: c(r) if callable(c) else num(r[c])
    return head + "".join("| " + " | ".join(str(cell(r, c)) for c in columns.values()) + " |\n" for r in rows)


def commands(folder: str) -> str:
    "The commands of `folder/COMMAND.sh` (its comments dropped), as a shell block: what made the numbers beside it."
    f = ROOT / folder / "COMMAND.sh"
    if not f.exists(): raise FileNotFoundError(f"results page: {folder} has no COMMAND.sh")
    lines = [l for l in f.read_text().splitlines() if l.strip() and not l.lstrip().startswith("#") and not l.startswith("#!")]
    return "```bash\n" + "\n".join(lines) + "\n```"


def verdict_table(path: str, **where) -> str:
    "The rows of a `verdicts.csv` (written by `eval.paired_verdicts` in the notebook), as a table."
    v = csv(path, **where)
    return table(v, {"claim": lambda r: f"{r.arm_a} {'is ahead of' if r.claim == 'ahead' else 'is not separable from'} {r.arm_b}",
                     "measure": lambda r: "area" if r.measure == "auc" else "final",
                     "seeds": lambda r: int(r.seeds),
                     "difference [95%]": lambda r: ci(r, "diff") if r.seeds else "–",
                     "verdict": lambda r: f"**{r.verdict}**" if r.verdict == "supported" else r.verdict})


def count(path: str, **where) -> int:
    "How many rows of `path` match `where`."
    return len(csv(path, **where))


def folders(pattern: str, by_number: bool = False) -> list[str]:
    "The folders of the repository matching a glob `pattern` (e.g. the paper-scale windows committed so far); `by_number`: ordered by the last number in the name, largest first (e.g. grpo_kl0.5 before grpo_kl0.04)."
    found = [str(f.relative_to(ROOT)) for f in ROOT.glob(pattern) if f.is_dir()]
    if not by_number: return sorted(found)
    last = lambda f: float(re.findall(r"\d+(?:\.\d+)?", Path(f).name)[-1])
    return sorted(found, key=lambda f: (-last(f), f))


def exists(path: str) -> bool:
    "Whether the repository holds `path` (a file or a folder): a section whose data are not committed yet is left out."
    return (ROOT / path).exists()


def text(path: str) -> str:
    "A committed text file's content (e.g. a plan or a log written by a run), to quote in a ```text block."
    f = ROOT / path
    if not f.exists(): raise FileNotFoundError(f"results page: {path} is not in the repository")
    return f.read_text().rstrip("\n")


def field(path: str, key: str):
    "One field of a committed JSON file (e.g. a checkpoint's `klcritical.json`: its `n_params`)."
    import json
    f = ROOT / path
    if not f.exists(): raise FileNotFoundError(f"results page: {path} is not in the repository")
    d = json.loads(f.read_text())
    if key not in d: raise KeyError(f"{path} has no field {key!r}")
    return d[key]


def env():
    import jinja2
    e = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), undefined=jinja2.StrictUndefined,
                           keep_trailing_newline=True, autoescape=False)
    e.globals.update(csv=csv, one=one, num=num, ci=ci, table=table, commands=commands, verdict_table=verdict_table,
                     count=count, folders=folders, text=text, exists=exists, field=field, min=min, max=max, abs=abs, round=round, len=len, sorted=sorted)
    return e


def pages() -> list[Path]:
    "The results pages, in the order of the site's navigation (the number in front of each name)."
    return sorted(p for p in TEMPLATES.glob("*.md") if not p.name.startswith("_"))


def render(name: str) -> str:
    return env().get_template(name).render()


def render_pages(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    done = []
    for p in pages():
        (out / p.name).write_text(render(p.name)); done.append(out / p.name)
    return done


def readme_blocks(text: str) -> dict[str, str]:
    return {m["name"]: m["body"] for m in BLOCK.finditer(text)}


def fill_readme(text: str) -> str:
    "The README with each generated block rendered from `docs/results/_<name>.md`."
    return BLOCK.sub(lambda m: m.group(1) + render(f"_{m['name']}.md") + m.group(4), text)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=["render", "check", "write"])
    ap.add_argument("out", nargs="?", default=None, help="render: the folder to write the pages into")
    a = ap.parse_args(argv)
    if a.action == "render":
        if not a.out: ap.error("render needs OUT, the folder to write the pages into")
        for p in render_pages(Path(a.out)): print(p)
        return 0
    text = README.read_text()
    if not readme_blocks(text): print("README.md has no generated block", file=sys.stderr); return 1
    want = {README: fill_readme(text)} | {PAGES / p.name: render(p.name) for p in pages()}
    if a.action == "write":
        PAGES.mkdir(exist_ok=True)
        for f in PAGES.glob("*.md"):
            if f not in want: f.unlink()                           # a page whose template is gone
        for f, t in want.items(): f.write_text(t)
        print(f"README.md's generated blocks and {len(want) - 1} pages in docs/results/ rendered from the CSVs"); return 0
    stale = [f for f, t in want.items() if not f.exists() or f.read_text() != t]
    stale += [f for f in PAGES.glob("*.md") if f not in want]
    for f in stale:
        old = f.read_text().splitlines(True) if f.exists() else []
        sys.stdout.writelines(difflib.unified_diff(old, want.get(f, "").splitlines(True), str(f.relative_to(ROOT)), "from the CSVs"))
    if stale:
        print(f"{len(stale)} file(s) differ from what the committed CSVs and templates give: "
              + ", ".join(str(f.relative_to(ROOT)) for f in stale)
              + ". Run `python scripts/results_pages.py write` and read the new numbers before committing.", file=sys.stderr)
        return 1
    print(f"README.md's generated blocks and the {len(want) - 1} results pages match the committed CSVs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
