"""One layer's decode-step attention over a `cpu`-sized KV cache (50 rows, 4 heads of 32, 300 positions), per cache
layout and dtype: what a rollout's dominant kernel costs on this machine. Prints medians of 5 rounds of 100 steps.

    python bench/kv_layout.py          # one thread, as an RL run uses
"""
import torch
import torch.nn.functional as F
from common import median_ms

B, H, T, HD, L, MAX = 50, 4, 300, 32, 4, 768


def timed(f) -> float:
    "Median ms per layer-step over 5 rounds of 100 steps, cycling through the layers."
    return median_ms(lambda i: f(i % L), 100)


def variants(dt: torch.dtype) -> dict:
    k, v = torch.randn(L, B, H, MAX, HD).to(dt), torch.randn(L, B, H, MAX, HD).to(dt)   # [L, B, H, T, hd]
    kt, q, bias = k.transpose(-1, -2).contiguous(), torch.randn(B, H, 1, HD).to(dt), torch.zeros(B, 1, 1, MAX, dtype=dt)
    def keys_td(i): return ((q @ k[i, :, :, :T].transpose(-1, -2)) + bias[..., :T]).float().softmax(-1).to(dt) @ v[i, :, :, :T]
    def keys_dt(i): return ((q @ kt[i, ..., :T]) + bias[..., :T]).float().softmax(-1).to(dt) @ v[i, :, :, :T]
    def sdpa(i): return F.scaled_dot_product_attention(q, k[i, :, :, :T], v[i, :, :, :T], attn_mask=bias[..., :T])
    return {"keys [T, hd] (KVDecoder default)": keys_td, "keys [hd, T] (keys_transposed)": keys_dt, "SDPA": sdpa}


if __name__ == "__main__":
    torch.set_num_threads(1)
    for dt in (torch.float32, torch.bfloat16, torch.float16):
        for name, f in variants(dt).items(): print(f"{str(dt):15s} {name:34s} {timed(f):.3f} ms per layer-step")
