import sys, json, os, time
from klcritical.pretrain import pretrain
from klcritical.model import get_profile
from klcritical.eval import accuracy_table, teacher_forced, certainty_gap
from klcritical.scratchpad import sample_operands, make_tokenizer
import numpy as np
name, N = sys.argv[1], int(sys.argv[2]); over = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
p = get_profile('cpu', **over)
t0 = time.time()
m = pretrain(p, N, f'/tmp/runs/{name}', seed=0, progress=False)
print('train s', time.time() - t0, flush=True)
tok = make_tokenizer()
for L in (N, N + 1, N + 2):
    print(accuracy_table(m, tok, [L], 'identical', n=int(os.environ.get('N_EVAL', 200))).to_string(), flush=True)
tf = teacher_forced(m, tok, sample_operands(np.random.default_rng(7), N + 1, 'identical', 50), N)
print('gap T=1', certainty_gap(tf))
tf = teacher_forced(m, tok, sample_operands(np.random.default_rng(7), N + 1, 'identical', 50), N, temperature=4)
print('gap T=4', certainty_gap(tf), flush=True)
