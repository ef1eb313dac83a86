"""Section 7: speculative rollouts (drafts from the row's own text, `rollout.generate_speculative`) against plain decoding.

One collect's rollout (50 four-digit additions from the committed N = 3 model, the `cpu` RL setting), plain and with
k = 1, 2, 4 drafted tokens, alternating in one process round after round so that machine drift falls on all alike.
Greedy (the tokens are identical, checked) and sampled at T = 1 (the RL collect; the same distribution, other draws).
Rows: seconds per rollout (median), generated tokens per second, speed-up over plain, forward passes per rollout, the
drafts kept per row and pass, and the share of tokens that came from kept drafts in each field of the scratchpad.

The peer: Hugging Face `generate` with `prompt_lookup_num_tokens` (n-gram drafts from the prompt and the text so far,
greedy only, one row at a time: transformers' assisted generation takes a batch of one; 5.25 refuses more with "assisted
generate is only supported for batch_size = 1", so TRL's GRPOTrainer, which generates a batch, cannot use it through
`generation_kwargs`). It is timed against HF's plain
`generate` and against ours, plain and speculative, all one row at a time on the same additions; each HF row gets the
exact length of its right scratchpad as `max_new_tokens` (HF does not know the task's stop rule), so HF is not charged
for tokens past the answer.

The paper's 8 digits are not measured here: the `cpu` model's positions do not reach an 8-digit scratchpad.

    python bench/speculative.py [--quick] [--checkpoint DIR]
"""
from __future__ import annotations
import argparse, random, re, statistics, time
from collections import defaultdict
import torch
from klcritical.runs import load_checkpoint
from klcritical.rollout import generate
from klcritical.scratchpad import ADDITION as task

SECTION = "7_speculative"
FIELDS = ("operand lists", "accumulator A=[…]", "carry C=", "digit sum", "A->, C->", "answer line", "tags, newlines")


def field_of(text: str) -> list[str]:
    "The scratchpad field of every character of a generated addition scratchpad (one token per character)."
    out = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("["):                      # <scratch>, </scratch>, the answer line, newlines
            kind = "answer line" if re.match(r"\s*\d", line) else "tags, newlines"
            out += [kind] * len(line); continue
        for i, part in enumerate(re.split(r"( , )", line)):
            if part == " , ": kind = "tags, newlines"
            elif " + [" in part or part.startswith("["): kind = "operand lists"
            elif part.startswith("A=["): kind = "accumulator A=[…]"
            elif part.startswith("C="): kind = "carry C="
            elif "=" in part and "+" in part: kind = "digit sum"
            elif part.startswith(("A->", "C->")): kind = "A->, C->"
            else: kind = "tags, newlines"
            out += [kind] * len(part)
    return out


def run(res, quick: bool = False, checkpoint: str | None = None, episodes: int = 50, digits: int = 4, rounds: int | None = None) -> None:
    from common import ROOT
    lm, tok, _ = load_checkpoint(checkpoint or ROOT / "outputs/cpu/checkpoints/N3")
    rnd = random.Random(0)
    lo, hi = 10 ** (digits - 1), 10 ** digits - 1
    pairs = [(rnd.randint(lo, hi), rnd.randint(lo, hi)) for _ in range(episodes)]
    prompts = [task.prompt(x) for x in pairs]
    cap = max(len(task.target(x)) for x in pairs) + 32
    variants = [0, 1, 2, 4]
    for temperature in (0.0, 1.0):
        times, toks, passes, kept = defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list)
        by_field = defaultdict(lambda: [0, 0])
        plain_seq = None
        for r in range(rounds or (2 if quick else 5)):
            order = variants[r % len(variants):] + variants[:r % len(variants)]
            for k in order:
                gen = torch.Generator().manual_seed(r)
                t = time.perf_counter()
                g = generate(lm, tok, prompts, cap, temperature=temperature, generator=gen, stop_after=task.stop_after, speculate=k)
                times[k].append(time.perf_counter() - t)
                toks[k].append(int(g.gen_mask.sum()))
                passes[k].append(g.rounds if k else g.gen_mask.shape[1])
                if k: kept[k].append(g.accepted)
                if temperature == 0 and k == 0: plain_seq = g.sequences
                if temperature == 0 and k: assert torch.equal(g.sequences, plain_seq), "greedy speculative decoding changed a token"
                if k == 4:
                    for text, d in zip(g.texts, g.drafted.tolist()):
                        for f, was in zip(field_of(text), d): by_field[f][0] += was; by_field[f][1] += 1
        mode = "greedy" if temperature == 0 else f"sampled T={temperature:g}"
        base = statistics.median(times[0])
        for k in variants:
            s = statistics.median(times[k]); tps = statistics.median(toks[k]) / s
            name = "plain" if k == 0 else f"k={k}"
            res.add(SECTION, f"{mode}, {name}: s per rollout", round(s, 3), "s", f"{episodes} episodes at {digits} digits, median of {len(times[k])}")
            res.add(SECTION, f"{mode}, {name}: tokens/s", round(tps, 1), "tok/s")
            if k:
                res.add(SECTION, f"{mode}, {name}: speed-up over plain", round(base / s, 2), "x")
                res.add(SECTION, f"{mode}, {name}: forward passes", round(statistics.median(passes[k]), 1), "",
                        f"plain: {statistics.median(passes[0]):.0f} (one per token of the longest row)")
                res.add(SECTION, f"{mode}, {name}: drafts kept per row and pass", round(statistics.mean(kept[k]), 2), "")
        for f in FIELDS:
            if by_field[f][1]:
                res.add(SECTION, f"{mode}, k=4: share from kept drafts, {f}", round(by_field[f][0] / by_field[f][1], 3), "",
                        f"{by_field[f][1]} tokens")


def hf_peer(res, lm, tok, pairs: list, rounds: int, k: int = 4) -> None:
    "Greedy, one row at a time: HF plain `generate`, HF prompt lookup (k drafted tokens), ours plain and speculative (k)."
    from klcritical.scratchpad import encode
    ids = [torch.tensor([encode(tok, task.prompt(x))]) for x in pairs]
    lens = [len(task.target(x)) for x in pairs]
    prompts = [task.prompt(x) for x in pairs]
    hf = lambda lookup: [lm.generate(i, attention_mask=torch.ones_like(i), max_new_tokens=n, do_sample=False, pad_token_id=tok.pad_token_id,
                                     **({"prompt_lookup_num_tokens": lookup} if lookup else {}))[0, i.shape[1]:] for i, n in zip(ids, lens)]
    ours = lambda spec: [generate(lm, tok, [p], n + 32, stop_after=task.stop_after, speculate=spec) for p, n in zip(prompts, lens)]
    variants = {"HF generate, plain": lambda: hf(0), f"HF generate, prompt lookup k={k}": lambda: hf(k),
                "ours, plain": lambda: ours(0), f"ours, speculative k={k}": lambda: ours(k)}
    times, texts = defaultdict(list), {}
    for r in range(rounds):
        names = list(variants); names = names[r % len(names):] + names[:r % len(names)]   # alternate the order
        for name in names:
            t = time.perf_counter(); out = variants[name](); times[name].append(time.perf_counter() - t)
            texts[name] = [tok.decode(o) if torch.is_tensor(o) else o.texts[0] for o in out]
    same = [a[:min(len(a), len(b))] == b[:min(len(a), len(b))] for a, b in zip(texts["HF generate, plain"], texts["ours, plain"])]   # up to where one stops
    assert all(same), f"HF's greedy text differs from ours on {same.count(False)} rows"
    assert texts[f"HF generate, prompt lookup k={k}"] == texts["HF generate, plain"], "HF prompt lookup changed a greedy token"
    base = statistics.median(times["HF generate, plain"])
    ntok = sum(lens)
    for name in variants:
        s = statistics.median(times[name])
        res.add(SECTION, f"one row at a time, greedy, {name}: s per {len(pairs)} rows", round(s, 3), "s",
                f"median of {len(times[name])}; {ntok / s:,.0f} target tokens/s; {base / s:.2f}x HF plain")


if __name__ == "__main__":
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import Results
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true"); ap.add_argument("--checkpoint", default=None)
    a = ap.parse_args()
    torch.set_num_threads(1)
    res = Results()
    run(res, a.quick, a.checkpoint)
    from common import ROOT
    lm, tok, _ = load_checkpoint(a.checkpoint or ROOT / "outputs/cpu/checkpoints/N3")
    rnd = random.Random(1)
    hf_peer(res, lm, tok, [(rnd.randint(1000, 9999), rnd.randint(1000, 9999)) for _ in range(10 if a.quick else 50)], 1 if a.quick else 3)
