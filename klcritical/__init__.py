"""klcritical: the prioritized KL penalty on critical tokens (Vassoyan et al., 2025), reproduced on scratchpad addition.

The public API is re-exported here and imported on first use (so `import klcritical` stays light):
`from klcritical import load_checkpoint, train_a2c, ADDITION`. Two functions share their module's name and are imported
from it: `from klcritical.prioritized_kl import prioritized_kl`, `from klcritical.pretrain import pretrain`."""
__version__ = "0.1.0"

_API = {  # name -> module that defines it (the modules are written from nbs/; this file is not)
    "Task": "scratchpad", "AdditionTask": "scratchpad", "ADDITION": "scratchpad", "get_task": "scratchpad",
    "CriticalToken": "scratchpad", "char_tokenizer": "scratchpad",
    "Profile": "model", "get_profile": "model", "make_model": "model", "load_checkpoint": "model", "save_checkpoint": "model",
    "certainty": "prioritized_kl", "kl_estimate": "prioritized_kl", "token_logprobs": "prioritized_kl",
    "per_token_kl": "prioritized_kl", "kl_reward": "prioritized_kl", "exact_kl": "prioritized_kl",
    "generate": "rollout", "answer_accuracy": "rollout", "accuracy_table": "rollout", "token_certainty": "eval", "certainty_gaps": "eval",
    "gap_table": "eval", "decisiveness": "eval", "sharpness": "eval", "certainty_temperature_for": "eval",
    "ensure_pretrained": "pretrain",
    "train_a2c": "a2c", "sweep": "a2c", "RunDir": "model",
}
__all__ = sorted(_API)


def __getattr__(name: str):
    if name in _API:
        import importlib
        return getattr(importlib.import_module(f"klcritical.{_API[name]}"), name)
    raise AttributeError(f"module 'klcritical' has no attribute {name!r}")


def __dir__(): return sorted(set(globals()) | set(_API))
