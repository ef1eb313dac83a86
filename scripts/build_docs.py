"""Stage the documentation site for MkDocs (`make docs`): the README as the home page, the library notebooks (executed
here so that every example shows its result, unless --no-execute), the executed `cpu` experiment notebooks as they were
run, and the findings pages of docs/. Writes _site_src/ and mkdocs.yml's nav; `mkdocs build` then writes _site/.

    python scripts/build_docs.py [--no-execute]
"""
from __future__ import annotations
import argparse, json, re, shutil, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "_site_src"
EXPERIMENTS = {   # executed notebook of the `cpu` results -> page title
    "outputs/cpu/pretrain/01_pretrain_generalization.ipynb": "Tables 4–5: pre-training",
    "outputs/cpu/critical_tokens/05_critical_tokens.ipynb": "Table 1: critical tokens",
    "outputs/cpu/rl/fig4/02_rl_prioritized_kl.ipynb": "Fig. 4: prioritized vs standard KL",
    "outputs/cpu/rl/fig4_k2/02_rl_prioritized_kl.ipynb": "Fig. 4 with the k2 estimator",
    "outputs/cpu/rl/fig4_polished/02_rl_prioritized_kl.ipynb": "Fig. 4 from the polished model",
    "outputs/cpu/rl/fig6_sampled/03_rl_beta_ablation.ipynb": "Fig. 6: β ablation",
    "outputs/cpu/rl/fig4_reward/02_rl_prioritized_kl.ipynb": "Fig. 4 with the KL in the reward",
    "outputs/cpu/trl/grpo/07_trl_grpo_prioritized_kl.ipynb": "GRPO in TRL with the prioritized KL",
    "outputs/cpu/rl/methods/08_token_selective_methods.ipynb": "Controls and the field's token-selective methods",
    "outputs/cpu/rl/fig3/04_rl_compare_pretrain.ipynb": "Fig. 3: fine-tuning on N+2",
    "outputs/cpu/regime/06_p0_long.ipynb": "The regime map (first cell)",
}


def page_name(path: str) -> str:
    "experiments/<folder under outputs/cpu>.ipynb, e.g. experiments/rl-fig4.ipynb"
    return "experiments/" + "-".join(Path(path).parent.relative_to("outputs/cpu").parts) + ".ipynb"


def fix_links(md: str, here: str) -> str:
    out = []
    for m in re.finditer(r"(!?)\[([^\]]*)\]\(([^)\s]+)\)|[^!\[]+|.", md, re.S):
        if not m.group(3): out.append(m.group(0)); continue
        bang, text, target = m.groups()
        if re.match(r"[a-z]+:", target) or target.startswith("#"): out.append(m.group(0)); continue
        path = (Path(here).parent / target.split("#")[0]).as_posix()
        while re.search(r"[^/]+/\.\./", path): path = re.sub(r"[^/]+/\.\./", "", path, count=1)
        path = path.removeprefix("./")
        up = "../" if here.startswith("docs/") else ""
        if path.startswith("docs/results/") and path.endswith(".md"): out.append(f"{bang}[{text}]({up}results/{path[13:]})")
        elif path.startswith("docs/") and path.endswith(".md"): out.append(f"{bang}[{text}]({up}findings/{path[5:]})")
        elif path.endswith((".png", ".svg")) and (ROOT / path).exists():
            (SRC / path).parent.mkdir(parents=True, exist_ok=True); shutil.copy(ROOT / path, SRC / path)
            out.append(f"{bang}[{text}]({up}{path})")
        else: out.append(f"{text} (`{path}`)" if text != path else f"`{path}`")   # a file of the repository, not a page
    return "".join(out)


CACHE = ROOT / "_site_cache"   # executed notebooks by the hash of their source and of the library: a rebuild runs only what changed


def execute(nb_path: Path, out: Path, timeout: int = 1800) -> float:
    "Run a library notebook top to bottom in its own folder (without its nbdev_export cell); return the seconds it took (0: cached)."
    import hashlib, nbformat
    from nbclient import NotebookClient
    h = hashlib.sha256(nb_path.read_bytes())
    for f in sorted((ROOT / "klcritical").glob("*.py")): h.update(f.read_bytes())
    cached = CACHE / f"{nb_path.stem}.{h.hexdigest()[:16]}.ipynb"
    if cached.exists(): shutil.copy(cached, out); return 0.0
    nb = nbformat.read(nb_path, as_version=4)
    nb.cells = [c for c in nb.cells if "nbdev_export" not in c.source]
    t0 = time.time()
    NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(nb_path.parent)}}).execute()
    nbformat.write(nb, out)
    CACHE.mkdir(exist_ok=True)
    for old in CACHE.glob(f"{nb_path.stem}.*.ipynb"): old.unlink()
    shutil.copy(out, cached)
    return time.time() - t0


def title(nb: Path) -> str:
    "The notebook's `# Title`."
    for c in json.loads(nb.read_text())["cells"]:
        for line in "".join(c["source"]).splitlines():
            if c["cell_type"] == "markdown" and line.startswith("# "): return line[2:].strip()
    return nb.stem


def tidy(path: Path) -> None:
    "For reading, not running: drop `#| hide` cells and the nbdev_export cell, the `#|` directive lines, and the Quarto-only link attributes of show_doc."
    nb = json.loads(path.read_text())
    keep = []
    for c in nb["cells"]:
        src = "".join(c["source"])
        if c["cell_type"] == "code" and (src.startswith("#| hide") or "nbdev_export" in src): continue
        if c["cell_type"] == "code": c["source"] = [l for l in c["source"] if not l.startswith("#|")]
        if c["cell_type"] == "code" and not "".join(c["source"]).strip(): continue         # only directives: nothing to read
        for o in c.get("outputs", []):
            for k, v in o.get("data", {}).items():
                if k.startswith("text/"):
                    txt = "".join(v) if isinstance(v, list) else v
                    o["data"][k] = re.sub(r'\{target="_blank"[^}]*\}', "", txt)
        keep.append(c)
    nb["cells"] = keep
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False))


def copy_mathjax(assets: Path) -> None:
    "MathJax 2, as the jupyter-server-mathjax package ships it, into the site: the notebook pages' formulas render offline."
    import jupyter_server_mathjax
    shutil.copytree(Path(jupyter_server_mathjax.__file__).parent / "static", assets / "mathjax", dirs_exist_ok=True)
    (assets / "mathjax" / "config" / "klcritical.js").write_text(   # the package ships the STIX web fonts, not the TeX ones
        'MathJax.Hub.Config({"HTML-CSS": {availableFonts: [], preferredFont: null, webFont: "STIX-Web"},\n'
        '                    CommonHTML: {}, SVG: {font: "STIX-Web"}});\n'
        'MathJax.Ajax.loadComplete("[MathJax]/config/klcritical.js");\n')


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-execute", action="store_true", help="copy the library notebooks as committed (no outputs): a quick build, as CI does")
    a = ap.parse_args(argv)
    shutil.rmtree(SRC, ignore_errors=True); (SRC / "library").mkdir(parents=True); (SRC / "experiments").mkdir(); (SRC / "findings").mkdir()
    (SRC / "index.md").write_text(fix_links((ROOT / "README.md").read_text(), "README.md"))
    copy_mathjax(SRC / "assets")
    findings = sorted((ROOT / "docs").glob("*.md"))
    for f in findings: (SRC / "findings" / f.name).write_text(fix_links(f.read_text(), f"docs/{f.name}"))
    sys.path.insert(0, str(ROOT / "scripts"))
    import results_pages                                          # the results pages, rendered now from the committed CSVs
    results = results_pages.render_pages(SRC / "results")
    for f in results: f.write_text(fix_links(f.read_text(), f"docs/results/{f.name}"))
    library = sorted((ROOT / "nbs").glob("[0-9][0-9]*_*.ipynb"))
    for nb in library:
        if a.no_execute: shutil.copy(nb, SRC / "library" / nb.name)
        else: print(f"executing {nb.name}: {execute(nb, SRC / 'library' / nb.name):.0f} s", flush=True)
        tidy(SRC / "library" / nb.name)
    experiments = {p: t for p, t in EXPERIMENTS.items() if (ROOT / p).exists()}
    for p in experiments: shutil.copy(ROOT / p, SRC / page_name(p))
    md_title = lambda f: next((l[2:].strip() for l in f.read_text().splitlines() if l.startswith("# ")), f.stem)
    by_name = {f.name: f for f in findings}
    concepts = [{"Critical tokens and the task": "library/00_scratchpad.ipynb"},
                {"The prioritized KL": "library/02_prioritized_kl.ipynb"},
                {md_title(by_name["protocol.md"]): "findings/protocol.md"}]
    bench = [n for n in ("benchmarks.md", "speed.md") if n in by_name]
    other = [n for n in by_name if n not in bench and n != "protocol.md"]
    nav = [{"Home: install and quickstart": "index.md"},            # the user's path: install -> concepts -> results -> API -> benchmarks
           {"Concepts": concepts},
           {"Results": [{md_title(f): f"results/{f.name}"} for f in results]
                       + [{"More findings": [{md_title(by_name[n]): f"findings/{n}"} for n in other]},
                          {"Executed notebooks (cpu)": [{t: page_name(p)} for p, t in experiments.items()]}]},
           {"API": [{title(nb): f"library/{nb.name}"} for nb in library]},
           {"Benchmarks": [{md_title(by_name[n]): f"findings/{n}"} for n in bench]}]
    (SRC / "nav.json").write_text(json.dumps(nav))
    cfg = (ROOT / "mkdocs.yml").read_text().split("# nav: written by scripts/build_docs.py")[0]
    (ROOT / "_site_mkdocs.yml").write_text(cfg + "# nav: written by scripts/build_docs.py\n" + "nav: " + json.dumps(nav) + "\n")
    print(f"staged {len(library)} library notebooks ({'as committed' if a.no_execute else 'executed'}), "
          f"{len(experiments)} experiment notebooks, {len(results)} results pages, {len(findings)} findings pages in {SRC.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
