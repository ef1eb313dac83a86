"""klcritical benchmark suite: matmul peak, pre-training throughput and MFU, one RL collect, TRL GRPOTrainer side by
side, and scaling with length and model size. Prints a table and writes outputs/bench/<date>-<machine>.csv.

    python bench/run.py                 # everything (make bench)
    python bench/run.py --quick         # a few minutes on 2 cores (make bench-quick)
    python bench/run.py --sections 3,4  # a subset: rows of these sections replace theirs in today's CSV
    python bench/run.py --checkpoint outputs/cpu/checkpoints/N3   # sections 3-4 from a pre-trained model

Sections: 1 matmul peak, 2 pre-training throughput, 3 RL collect, 4 TRL GRPOTrainer peer, 5 scaling,
6 before/after rows for the rollout (decoder variants alternating in one process), 7 speculative rollouts (drafts from
the row's own text) against plain decoding."""
from __future__ import annotations
import argparse, csv, datetime, os, sys, time
from dataclasses import asdict, fields
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT_DIR, ROOT, LoadMeter, Results, Row, describe_machine, fmt, machine_slug, n_cores, record_load

ALL = (1, 2, 3, 4, 5, 6, 7)


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer steps, episodes and lengths (a few minutes)")
    ap.add_argument("--sections", default="1,2,3,4,5,6,7", help="comma-separated subset of 1,2,3,4,5,6,7")
    ap.add_argument("--checkpoint", default=None, help="pre-trained model directory for sections 3-4 (default: a fresh cpu model)")
    ap.add_argument("--trl-generations", type=int, default=5, help="GRPO completions per prompt (50 must be a multiple)")
    ap.add_argument("--trl-bf16", choices=("auto", "on", "off"), default="auto",
                    help="TRL's bf16 flag; auto: on when our reference pass and update use bf16 autocast")
    ap.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's own choice, all cores)")
    ap.add_argument("--out", default=None, help="CSV path (default outputs/bench/<date>-<machine>[-quick].csv)")
    a = ap.parse_args(argv)
    a.sections = sorted({int(s) for s in a.sections.split(",") if s.strip()})
    bad = set(a.sections) - set(ALL)
    if bad: ap.error(f"unknown sections {sorted(bad)}; choose among {ALL}")
    return a


def section_of(row: Row) -> int | None:
    "The section number of a row (`machine` rows have none)."
    head = row.section.split("_", 1)[0]
    return int(head) if head.isdigit() else None


def write_csv(path: Path, res: Results) -> None:
    """Write the rows; if the file exists and only some sections ran, keep its rows of the other sections."""
    rows = res.rows
    ran = {section_of(r) for r in rows} - {None}
    if path.exists() and ran != set(ALL):
        with open(path, newline="") as f:
            old = [Row(**r) for r in csv.DictReader(f)]
        rows = [r for r in old if section_of(r) is not None and section_of(r) not in ran] + rows
        rows.sort(key=lambda r: (section_of(r) or 0))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, [x.name for x in fields(Row)])
        w.writeheader()
        for r in rows: w.writerow(asdict(r))


def print_table(rows: list[Row]) -> None:
    w = [max(len(r.section) for r in rows), max(len(r.name) for r in rows), 14, 12]
    print(f"\n{'section':<{w[0]}}  {'name':<{w[1]}}  {'value':>{w[2]}}  {'unit':<{w[3]}}  notes")
    print("-" * (sum(w) + 20))
    for r in rows:
        print(f"{r.section:<{w[0]}}  {r.name:<{w[1]}}  {fmt(r.value):>{w[2]}}  {r.unit:<{w[3]}}  {r.notes}")


def main(argv=None) -> Path:
    a = parse_args(argv)
    import warnings, torch
    from transformers.utils import logging as hf_logging
    hf_logging.disable_progress_bar()                                   # "Loading weights" bars between rows
    warnings.filterwarnings("ignore", category=FutureWarning, module="transformers")
    if a.threads: torch.set_num_threads(a.threads)
    stamp = datetime.date.today().isoformat()
    slug = machine_slug()
    csv_path = Path(a.out) if a.out else OUT_DIR / f"{stamp}-{slug}{'-quick' if a.quick else ''}.csv"
    res = Results()
    print(f"klcritical benchmarks on {slug} ({'quick' if a.quick else 'full'}), sections {a.sections}", flush=True)
    describe_machine(res, a.quick)
    if os.getloadavg()[0] > 0.5 and torch.get_num_threads() >= n_cores() > 1:
        print(f"WARNING: other work is running (load {os.getloadavg()[0]:.1f}) and torch uses all {n_cores()} cores: "
              "its threads will wait on each other (decode steps measured up to 100x slower). Numbers are disturbed; "
              "consider --threads 1 on a shared machine.", flush=True)
    t_start = time.perf_counter()
    peak = None
    len_rows = mod_rows = None
    for s in a.sections:
        print(f"\n== section {s}", flush=True)
        with LoadMeter() as load:
            if s == 1:
                import pretrain_speed; peak = pretrain_speed.peaks(res, a.quick); name = pretrain_speed.S_PEAK
            elif s == 2:
                import pretrain_speed; pretrain_speed.run(res, a.quick, peak); name = pretrain_speed.S_PRE
            elif s == 3:
                import rl_speed; rl_speed.run(res, a.quick, a.checkpoint); name = rl_speed.SECTION
            elif s == 4:
                import trl_peer; trl_peer.run(res, a.quick, a.checkpoint, generations=a.trl_generations, trl_bf16=a.trl_bf16); name = trl_peer.SECTION
            elif s == 5:
                import scaling
                len_rows = scaling.by_length(res, a.quick)
                mod_rows = scaling.by_model(res, a.quick)
                name = scaling.S_LEN
                png = scaling.plot(len_rows, mod_rows, csv_path.with_name(csv_path.stem + "-scaling.png"),
                                   f"one A2C collect on {slug}" + (" (quick)" if a.quick else ""))
                res.add(scaling.S_MOD, "plot", str(png.relative_to(ROOT) if ROOT in png.parents else png))
            elif s == 6:
                import before_after; before_after.run(res, a.quick, a.checkpoint); name = before_after.SECTION
            elif s == 7:
                import speculative; speculative.run(res, a.quick, a.checkpoint); name = speculative.SECTION
        record_load(res, name, load)
    res.add("machine", "wall_s", round(time.perf_counter() - t_start, 1), "s", "whole run, without imports")
    print_table(res.rows)
    write_csv(csv_path, res)
    print(f"\nwrote {csv_path}")
    return csv_path


if __name__ == "__main__":
    main()
