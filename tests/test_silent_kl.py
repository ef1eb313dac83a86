"The paper's prioritized-KL settings (β = 150, certainty temperature 4) on the committed N3 model switch the KL off almost everywhere: both learners must say so, once, and 'auto' must pick a temperature that keeps it."
import warnings
from pathlib import Path
import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
N3 = ROOT / "outputs" / "cpu" / "checkpoints" / "N3"


def _messages(ws): return [str(w.message) for w in ws]


def test_a2c_warns_on_the_committed_model(tmp_path):
    from klcritical.finetune import train_a2c
    from klcritical.config import get_profile
    p = get_profile("cpu", rl__beta=150.0, rl__certainty_temperature=4.0, rl__episodes_per_collect=8, rl__minibatch_size=8,
                    rl__total_episodes=8, rl__n_eval=4)
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        train_a2c(N3, tmp_path / "paper_settings", p, progress=False, stop_after=1)
    assert any("the KL is off nearly everywhere" in m for m in _messages(ws)), _messages(ws)
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        train_a2c(N3, tmp_path / "auto", p.with_(rl__certainty_temperature="auto"), progress=False, stop_after=1)
    assert not any("the KL is off nearly everywhere" in m for m in _messages(ws)), _messages(ws)


def test_trl_trainer_warns_on_the_committed_model(tmp_path):
    pytest.importorskip("trl")
    from transformers import AutoModelForCausalLM
    from klcritical.integrations.trl import PrioritizedGRPOConfig, PrioritizedGRPOTrainer, task_dataset, task_reward
    from klcritical.runs import load_checkpoint
    from klcritical.scratchpad import ADDITION
    tok = load_checkpoint(N3)[1]; tok.padding_side = "left"
    ds = task_dataset(ADDITION, np.random.default_rng(0), 4, 4)

    def trainer(out, T):
        args = PrioritizedGRPOConfig(output_dir=str(tmp_path / out), use_cpu=True, bf16=False, seed=0, per_device_train_batch_size=4,
                                     num_generations=4, max_completion_length=ADDITION.max_len(4), beta=5.0, learning_rate=1e-6, max_steps=1,
                                     logging_steps=1, save_strategy="no", report_to="none", disable_tqdm=True, prioritized_beta=150.0,
                                     certainty_temperature=T, temperature=1.0)
        return PrioritizedGRPOTrainer(model=AutoModelForCausalLM.from_pretrained(N3), reward_funcs=task_reward(ADDITION), args=args,
                                      train_dataset=ds, processing_class=tok)
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        tr = trainer("paper", 4.0); tr.train()
    assert any("the KL is off nearly everywhere" in m for m in _messages(ws)), _messages(ws)
    assert tr.state.log_history[0]["prioritized_kl/released"] > 0.95
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        tr = trainer("auto", "auto"); tr.train()
    assert tr._certainty_T < 4.0 and not any("the KL is off nearly everywhere" in m for m in _messages(ws)), (tr._certainty_T, _messages(ws))
