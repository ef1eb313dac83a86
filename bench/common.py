"""Pieces every benchmark section shares: result rows, the machine's description, a meter of the CPU time other
processes take while we measure, and a peak-RSS meter."""
from __future__ import annotations
import gc, os, platform, re, resource, statistics, threading, time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "outputs" / "bench"


# ----------------------------------------------------------------------------------------------------- results
@dataclass
class Row:
    section: str
    name: str
    value: float | int | str
    unit: str = ""
    notes: str = ""

@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    verbose: bool = True

    def add(self, section: str, name: str, value, unit: str = "", notes: str = "") -> None:
        self.rows.append(Row(section, name, value, unit, notes))
        if self.verbose: print(f"  [{section}] {name} = {fmt(value)} {unit}" + (f"   ({notes})" if notes else ""), flush=True)

def fmt(v) -> str:
    "A number with about four significant digits, anything else as text."
    if isinstance(v, bool) or not isinstance(v, (int, float)): return str(v)
    if isinstance(v, int): return f"{v:,}"
    if v != v: return "nan"
    if v == 0 or 1e-3 <= abs(v) < 1e6: return f"{v:,.4g}" if abs(v) < 1000 else f"{v:,.0f}"
    return f"{v:.3e}"

def median_ms(f, n: int, rounds: int = 5) -> float:
    "Median over `rounds` of the ms per call of `f(i)`, called for i = 0..n-1 in each round."
    xs = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for i in range(n): f(i)
        xs.append((time.perf_counter() - t0) / n * 1e3)
    return statistics.median(xs)

def spread(xs: list[float]) -> tuple[float, str]:
    "Median of `xs` and a note with the range and the number of values."
    m = statistics.median(xs)
    return m, (f"median of {len(xs)}: {fmt(min(xs))}-{fmt(max(xs))}" if len(xs) > 1 else "1 measurement")


# ----------------------------------------------------------------------------------------------------- machine
def _cpuinfo() -> dict[str, str]:
    "The first processor's block of /proc/cpuinfo ({} elsewhere)."
    try: text = Path("/proc/cpuinfo").read_text()
    except OSError: return {}
    out = {}
    for line in text.split("\n\n")[0].splitlines():
        if ":" in line:
            k, v = line.split(":", 1); out[k.strip()] = v.strip()
    return out

def cpu_model() -> str:
    info = _cpuinfo()
    return info.get("model name") or platform.processor() or platform.machine() or "unknown-cpu"

def cpu_flags() -> set[str]:
    info = _cpuinfo()
    return set((info.get("flags") or info.get("Features") or "").split())

def n_cores() -> int:
    try: return len(os.sched_getaffinity(0))
    except AttributeError: return os.cpu_count() or 1

def machine_slug() -> str:
    "A short name for the machine: a few words of the CPU model and the core count, e.g. `amd-epyc-2c`."
    m = re.sub(r"\((r|tm)\)|\bcpu\b|\bprocessor\b|@.*$|\b\d+-core\b", " ", cpu_model().lower())
    words = re.sub(r"[^a-z0-9]+", " ", m).split()[:4]
    return "-".join(words or ["cpu"]) + f"-{n_cores()}c"

FLAGS = ("avx2", "avx512f", "avx512_bf16", "avx512_vnni", "avx_vnni", "amx_tile", "amx_bf16", "amx_int8")

def describe_machine(res: Results, quick: bool) -> None:
    "Rows of section `machine`: CPU, cores, the instruction-set flags that matter for bf16, library versions."
    import torch, transformers
    flags = cpu_flags()
    S = "machine"
    res.add(S, "cpu_model", cpu_model())
    res.add(S, "cores", n_cores(), "cores", "CPUs this process may run on")
    res.add(S, "torch_threads", torch.get_num_threads(), "threads")
    for f in FLAGS: res.add(S, f"flag_{f}", "yes" if f in flags else "no")
    try:
        from torch.backends import cpu as tcpu
        res.add(S, "torch_cpu_capability", tcpu.get_cpu_capability())
    except Exception: pass
    res.add(S, "torch", torch.__version__)
    res.add(S, "transformers", transformers.__version__)
    try:
        from importlib.metadata import version
        res.add(S, "trl", version("trl"))
    except Exception: res.add(S, "trl", "not installed")
    res.add(S, "python", platform.python_version())
    res.add(S, "mode", "quick" if quick else "full")
    la = os.getloadavg()
    res.add(S, "loadavg_1min_at_start", round(la[0], 2), "runnable tasks",
            f"before the benchmark started, on {n_cores()} cores: >0.5 means other work shares the machine")


# ----------------------------------------------------------------------------------------------------- load meter
def _busy_seconds() -> float | None:
    "CPU seconds all processes spent busy since boot (/proc/stat; None where unavailable)."
    try: vals = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    except (OSError, ValueError, IndexError): return None
    user, nice, system, idle, iowait, irq, softirq, steal = vals
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")

class LoadMeter:
    "How many cores other processes (and the hypervisor's steal) kept busy while the block ran."
    def __enter__(self):
        self.t0, self.busy0, self.own0 = time.perf_counter(), _busy_seconds(), _own_cpu()
        return self

    def __exit__(self, *exc):
        wall = time.perf_counter() - self.t0
        busy1 = _busy_seconds()
        self.other_cores = (float("nan") if busy1 is None or self.busy0 is None
                            else max(0.0, (busy1 - self.busy0 - (_own_cpu() - self.own0)) / max(wall, 1e-9)))
        self.wall = wall
        return False

def _own_cpu() -> float:
    "CPU seconds of this process and of its finished children (the scaling section measures in child processes)."
    t = os.times(); return t.user + t.system + t.children_user + t.children_system

def record_load(res: Results, section: str, meter: LoadMeter) -> None:
    disturbed = meter.other_cores == meter.other_cores and meter.other_cores > 0.25
    res.add(section, "other_processes_cpu", round(meter.other_cores, 2), f"cores of {n_cores()}",
            ("DISTURBED: other processes used the CPU during this section; " if disturbed else "")
            + f"section took {meter.wall:.0f} s")


# ----------------------------------------------------------------------------------------------------- memory
def _status_kib(key: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"): return int(line.split()[1])
    except OSError: pass
    return None

class PeakRSS:
    """Peak resident memory (MiB) while the block ran, and its rise over the RSS at the start.
    Linux: resets the kernel's high-water mark (`/proc/self/clear_refs` = 5) and reads `VmHWM` after; elsewhere
    (or if the reset is refused) samples the RSS every 5 ms in a thread; last resort `ru_maxrss` (a lifetime peak)."""
    def __enter__(self):
        gc.collect()
        self.base = _status_kib("VmRSS")
        self.method, self._stop, self._max = "hwm", threading.Event(), 0
        try: Path("/proc/self/clear_refs").write_text("5")
        except OSError:
            self.method = "sampled" if self.base is not None else "ru_maxrss"
            if self.method == "sampled":
                self._thread = threading.Thread(target=self._sample, daemon=True); self._thread.start()
        return self

    def _sample(self):
        while not self._stop.is_set():
            self._max = max(self._max, _status_kib("VmRSS") or 0); time.sleep(0.005)

    def __exit__(self, *exc):
        if self.method == "hwm": peak = _status_kib("VmHWM")
        elif self.method == "sampled": self._stop.set(); self._thread.join(); peak = self._max
        else:
            r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            peak = r // 1024 if platform.system() == "Darwin" else r
        self.peak_mib = peak / 1024
        self.rise_mib = (peak - self.base) / 1024 if self.base is not None else float("nan")
        return False
