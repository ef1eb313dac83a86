"""The scratchpad text checked against an independent implementation (NOTES.md §1), for thousands of random pairs."""
import random
from klcritical.scratchpad import make_prompt, make_target, make_example, parse_answer, critical_positions


def reference(a: int, b: int) -> str:
    "An independent rendering of NOTES §1, written from the examples there, not from the package."
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


def test_critical_commas_follow_nth_digit():
    r = random.Random(7)
    for _ in range(500):
        N = r.randint(1, 6)
        a, b = _rand(r, r.randint(1, 9)), _rand(r, r.randint(1, 9))
        t = make_target(a, b)
        cps = critical_positions(a, b, N)
        expected = sum(max(0, len(str(x)) - N) for x in (a, b))
        assert len(cps) == expected
        for c in cps:
            assert t[c.offset] == ","
            line_start = t.rfind("\n", 0, c.offset) + 1
            line = t[line_start:t.find("\n", c.offset)]
            lists = line.split(" , ")[0].split(" + ")
            listed = lists[c.operand - 1]
            # the comma sits right after the N-th digit of that operand's list
            col = c.offset - line_start - (0 if c.operand == 1 else len(lists[0]) + 3)
            assert listed[col] == "," and listed[:col].count(",") == N - 1
