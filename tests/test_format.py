"""The scratchpad text and the critical tokens checked against an independent implementation, for thousands of random pairs."""
import random
from klcritical.scratchpad import make_prompt, make_target, make_example, parse_answer, critical_positions


def reference(a: int, b: int) -> str:
    "An independent rendering of the format (the worked examples 128+367 and 9999+1 of the paper), not from the package."
    xs, ys = list(str(a)), list(str(b))
    out = [f"Input:\n{a}+{b}\nTarget:\n<scratch>\n"]
    acc, carry = [], 0
    while xs or ys:
        x = int(xs[-1]) if xs else 0
        y = int(ys[-1]) if ys else 0
        total = x + y + carry
        out.append("[" + ",".join(xs) + "] + [" + ",".join(ys) + "] , A=[" + ",".join(acc) + f"] , C={carry} , "
                   f"{x}+{y}+{carry}={total} , A->{total % 10} , C->{total // 10}\n")
        acc.insert(0, str(total % 10))
        carry = total // 10
        xs, ys = xs[:-1], ys[:-1]
    out.append("[] + [] , A=[" + ",".join(acc) + f"] C={carry} , END\n</scratch>\n")
    digits = ([str(carry)] if carry else []) + acc
    out.append(" ".join(digits) + "\n")
    return "".join(out)


def _rand(r, L): return r.randrange(10) if L == 1 else r.randrange(10 ** (L - 1), 10 ** L)


def test_thousands_of_pairs_match_reference():
    r = random.Random(1234)
    n = 0
    for _ in range(4000):
        la, lb = r.randint(1, 13), r.randint(1, 13)
        if r.random() < 0.3: lb = la                          # plenty of equal lengths too
        a, b = _rand(r, la), _rand(r, lb)
        text = make_example(a, b)
        assert text == reference(a, b), (a, b)
        assert make_prompt(a, b) + make_target(a, b) == text
        assert parse_answer(text) == a + b
        n += 1
    assert n == 4000


def test_edge_cases():
    for a, b in [(0, 0), (0, 7), (9999, 1), (1, 9999), (5, 5), (10**12, 10**12 - 1), (99, 1)]:
        assert make_example(a, b) == reference(a, b)


def reference_critical(a: int, b: int, N: int) -> set[tuple[int, int, str]]:
    "The authors' rule, written independently: (step, operand, char) at absolute offsets of each step's line, found by text search."
    t = make_target(a, b)
    lines = t.split("\n")[2:]                      # after "" and "<scratch>"
    base = len("\n<scratch>\n")
    out = set()
    for step in (1, 2, 3):
        line = lines[step - 1]
        if not line.startswith("[") or "END" in line: break
        line_off = base + sum(len(l) + 1 for l in lines[:step - 1])
        close1 = line.index("]"); open2 = line.index("[", close1); close2 = line.index("]", open2)
        for op, x, (lo, hi) in ((1, a, (1, close1)), (2, b, (open2 + 1, close2))):
            gap = len(str(x)) - N
            if gap <= 0: continue
            for j in range(max(lo, hi - 2 * gap), hi):   # the last 2*gap characters before "]", inside the list
                out.add((line_off + j, op, step))
    return out


def test_critical_tokens_follow_authors_rule():
    r = random.Random(7)
    for _ in range(1500):
        N = r.randint(1, 6)
        a, b = _rand(r, r.randint(1, 9)), _rand(r, r.randint(1, 9))
        t = make_target(a, b)
        cps = critical_positions(a, b, N)
        where = lambda c: (int(c.group.split("_o")[1]), int(c.group.split("_o")[0][1:]))   # "s<step>_o<operand>"
        assert {(c.offset, *where(c)) for c in cps} == reference_critical(a, b, N), (a, b, N)
        assert len(cps) == len({c.offset for c in cps})
        for c in cps:
            assert t[c.offset] == c.char
            assert c.kind == ("comma" if c.char == "," else "digit")
            assert 1 <= c.rank <= len(str(a if where(c)[0] == 1 else b)) - N
            assert c.where == "step {1} / operand {0}".format(*where(c))


def test_twelve_critical_tokens_at_n_plus_one():
    r = random.Random(3)
    for _ in range(300):
        N = r.randint(3, 8)                     # from N = 3 on, steps 1-3 all copy lists of at least 2 digits
        cps = critical_positions(_rand(r, N + 1), _rand(r, N + 1), N)
        assert len(cps) == 12 and sum(c.kind == "comma" for c in cps) == 6
