"""The declared floor of transformers really works: install the oldest versions pyproject.toml allows (transformers,
tokenizers, huggingface_hub) into .venv/floor, then, in a separate process that imports them, load a committed checkpoint
and one saved by the current code, and solve an addition with each. Run by `make test`."""
import subprocess, sys, tempfile, textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = {"transformers": "5.0.0", "tokenizers": "0.22.2", "huggingface_hub": "1.3.0"}   # keep in step with pyproject.toml
TARGET = ROOT / ".venv" / "floor"

CHECK = textwrap.dedent("""
    import sys, transformers, tokenizers
    assert transformers.__version__ == sys.argv[1], transformers.__version__
    from klcritical.runs import load_checkpoint, save_checkpoint
    from klcritical.rollout import generate
    from klcritical.scratchpad import ADDITION
    for ck in sys.argv[2:]:
        m, tok, meta = load_checkpoint(ck)
        text = generate(m, tok, [ADDITION.prompt((123, 456))], 300, stop_after=ADDITION.stop_after).texts[0]
        print(ck, repr(text[-8:]))
        if ck.endswith("N3"): assert text.endswith("5 7 9\\n"), text
""")


def main() -> int:
    marker = TARGET / ".installed"
    want = " ".join(f"{k}=={v}" for k, v in FLOOR.items())
    if not marker.exists() or marker.read_text() != want:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(TARGET), *want.split()], check=True)
        marker.write_text(want)
    with tempfile.TemporaryDirectory() as d:   # a checkpoint written by the current (newest) versions
        subprocess.run([sys.executable, "-c", "import sys; from klcritical.model import make_model; from klcritical.runs import save_checkpoint; from klcritical.scratchpad import ADDITION; "
                        "save_checkpoint(sys.argv[1], make_model('tiny', seed=0), ADDITION.tokenizer(), {})", d + "/new"], check=True)
        env = {"PYTHONPATH": f"{TARGET}:{ROOT}", "PATH": "/usr/bin:/bin"}
        r = subprocess.run([sys.executable, "-c", CHECK, FLOOR["transformers"], str(ROOT / "outputs/cpu/checkpoints/N3"), d + "/new"],
                           env=env, capture_output=True, text=True)
    print(r.stdout + r.stderr[-2000:])
    print(("floor OK: " if r.returncode == 0 else "floor FAILED: ") + want)
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
