"""Pre-training's attention at the `cpu` shape (a batch of 64 rows of 256 positions, width 128), forward and backward,
per kernel and per head split inside the same width: what the kernel that takes most of a `cpu` step costs on this
machine, and whether another one would pay. Prints the median of 5 rounds per variant; a variant that does not run
here says why.

    python bench/attention_kernels.py               # two threads, as pre-training uses on 2 cores
    python bench/attention_kernels.py --threads 1

Variants: eager (matmul, additive causal bias, softmax, matmul), SDPA pinned to its math and to its flash backend
(causal), SDPA with the packed rows' block-causal additive mask (what `PretrainConfig.pack` trains with), FlexAttention
(causal and block-causal block masks; compiled, since eager FlexAttention only serves as a reference), and the flash
kernel at 2 heads of 64 and 1 head of 128 (the same parameters, another model).
"""
import argparse
import torch
import torch.nn.functional as F
from torch.nn.attention import SDPBackend, sdpa_kernel
from common import median_ms

B, T, D = 64, 256, 128


def timed(f, rounds: int = 5, n: int = 3) -> float:
    "Median ms per forward + backward, after one warm-up call."
    f()
    return median_ms(lambda i: f(), n, rounds)


def qkv(h: int) -> list[torch.Tensor]:
    return [torch.randn(B, h, T, D // h, requires_grad=True) for _ in range(3)]                    # [B, H, T, hd]


def step(attn, h: int):
    q, k, v = qkv(h)
    def f():
        attn(q, k, v).sum().backward()
    return f


def segments() -> torch.Tensor:
    "Each row packs examples of 64-192 positions: a segment id per position, `[B, T]`."
    ends = torch.randint(64, 192, (B,), generator=torch.Generator().manual_seed(0))               # [B]: where the second starts
    return (torch.arange(T)[None] >= ends[:, None]).long()


def variants() -> dict:
    causal = torch.full((T, T), float("-inf")).triu(1)                                            # [T, T]
    seg = segments()
    same = (seg[:, :, None] == seg[:, None, :]) & torch.ones(T, T, dtype=torch.bool).tril()        # [B, T, T]
    block = torch.zeros(B, 1, T, T).masked_fill(~same[:, None], float("-inf"))                      # [B, 1, T, T]
    def eager(q, k, v): return ((q @ k.transpose(-1, -2)) * q.shape[-1] ** -0.5 + causal).softmax(-1) @ v
    def pinned(backend, **kw):
        def a(q, k, v):
            with sdpa_kernel(backend): return F.scaled_dot_product_attention(q, k, v, **kw)
        return a
    out = {"eager, 4 x 32": step(eager, 4),
           "SDPA math, causal, 4 x 32": step(pinned(SDPBackend.MATH, is_causal=True), 4),
           "SDPA flash, causal, 4 x 32 (pre-training's default)": step(pinned(SDPBackend.FLASH_ATTENTION, is_causal=True), 4),
           "SDPA, block-causal mask, 4 x 32 (packed rows)": step(lambda q, k, v: F.scaled_dot_product_attention(q, k, v, attn_mask=block), 4),
           "SDPA flash, causal, 2 x 64": step(pinned(SDPBackend.FLASH_ATTENTION, is_causal=True), 2),
           "SDPA flash, causal, 1 x 128": step(pinned(SDPBackend.FLASH_ATTENTION, is_causal=True), 1)}
    try:
        from torch.nn.attention.flex_attention import create_block_mask, flex_attention
        flex = torch.compile(flex_attention)
        bm_causal = create_block_mask(lambda b, h, i, j: j <= i, None, None, T, T, device="cpu")
        bm_block = create_block_mask(lambda b, h, i, j: (j <= i) & (seg[b, i] == seg[b, j]), B, None, T, T, device="cpu")
        out["FlexAttention (compiled), causal, 4 x 32"] = step(lambda q, k, v: flex(q, k, v, block_mask=bm_causal), 4)
        out["FlexAttention (compiled), block-causal, 4 x 32"] = step(lambda q, k, v: flex(q, k, v, block_mask=bm_block), 4)
    except Exception as e:                                                                           # not every build has it
        out["FlexAttention"] = f"does not run here: {type(e).__name__}: {str(e).splitlines()[0][:120]}"
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    print(f"torch {torch.__version__}, {a.threads} thread(s); batch {B} x {T} positions, width {D}; ms per forward + backward")
    for name, f in variants().items():
        if isinstance(f, str): print(f"{name:55s} {f}"); continue
        try: print(f"{name:55s} {timed(f, a.rounds):8.1f} ms", flush=True)
        except Exception as e: print(f"{name:55s} does not run here: {type(e).__name__}: {str(e).splitlines()[0][:120]}", flush=True)
