"""Make an executed experiment notebook depend only on its results, so that re-running `make reproduce` on the same
data leaves `git status` clean: drop the run's wall-clock stamps (papermill's and the kernel's per-cell times), give
papermill's injected-parameters cell a fixed id, drop progress-bar widgets and tqdm's timings, and write the machine's paths relative to the repository.

    python scripts/tidy_executed.py NOTEBOOK.ipynb [...]
"""
from __future__ import annotations
import re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMES = ("start_time", "end_time", "duration")
# tqdm's elapsed / remaining / rate, which differ on every run: "[00:03<00:00,  1.52it/s]"
TQDM = re.compile(r"\[\d+:\d+(?::\d+)?<[^\]]*\]")


# a path into any clone of the repository ('/t/repro/outputs/cpu/...', '/home/me/klcritical/nbs/...'): the clone's part goes
CLONE = re.compile(r"(?<![\w.~-])/(?:[\w.+-]+/)+?(?=(?:outputs|nbs|runs)/)")


def relative(s: str, root: Path = ROOT) -> str:
    "Paths under the repository written from its root ('./outputs/...'), whatever machine or clone ran the notebook."
    return CLONE.sub("./", s.replace(str(root) + "/", "./").replace(str(root), "."))


def tidy(nb: dict, root: Path = ROOT) -> dict:
    nb.get("metadata", {}).pop("widgets", None)          # progress-bar widgets: random model ids, no result in them
    pm = nb.get("metadata", {}).get("papermill", {})
    for k in TIMES: pm.pop(k, None)
    for k in ("input_path", "output_path"):
        if isinstance(pm.get(k), str): pm[k] = relative(pm[k], root)
    for c in nb.get("cells", []):
        md = c.get("metadata", {})
        md.pop("execution", None)
        for k in TIMES: md.get("papermill", {}).pop(k, None)
        if "injected-parameters" in md.get("tags", []): c["id"] = "injected-parameters"
        if isinstance(c.get("source"), list): c["source"] = [relative(l, root) for l in c["source"]]
        elif isinstance(c.get("source"), str): c["source"] = relative(c["source"], root)
        for o in c.get("outputs", []):
            if "text" in o:
                t = "".join(o["text"]) if isinstance(o["text"], list) else o["text"]
                o["text"] = TQDM.sub("[…]", relative(t, root))
            o.get("data", {}).pop("application/vnd.jupyter.widget-view+json", None)   # its text/plain stays
            for mime, v in o.get("data", {}).items():
                if mime.startswith("text/"):
                    t = "".join(v) if isinstance(v, list) else v
                    o["data"][mime] = relative(t, root)
    return nb


def main(argv=None) -> int:
    paths = argv if argv is not None else sys.argv[1:]
    if not paths: print(__doc__, file=sys.stderr); return 2
    import nbformat
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        nbformat.write(nbformat.from_dict(tidy(nb)), p)   # nbformat's own layout, as papermill writes it
    return 0


if __name__ == "__main__":
    sys.exit(main())
