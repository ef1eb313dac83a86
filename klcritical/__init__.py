"""klcritical: the prioritized KL penalty on critical tokens (Vassoyan et al., 2025), reproduced on scratchpad addition.

The public API is re-exported here and imported on first use (so `import klcritical` stays light):
`from klcritical import prioritized_kl, pretrain, train_a2c, RLConfig, load_checkpoint, ADDITION`.

Two functions share their module's name, and at the package root the name is the function: `klcritical.pretrain` and
`klcritical.prioritized_kl` are the calls, also after their modules are imported. For a module itself, import from it
(`from klcritical.pretrain import flops_per_token`) or use `importlib.import_module("klcritical.pretrain")`; note that
`import klcritical.pretrain as m` binds the function, as the attribute lookup it makes finds it first."""
__version__ = "0.1.0"

_API = {  # name -> module that defines it (the modules are written from nbs/; this file is not)
    "Task": "scratchpad", "AdditionTask": "scratchpad", "ADDITION": "scratchpad", "get_task": "scratchpad",
    "CriticalToken": "scratchpad", "char_tokenizer": "scratchpad",
    "Profile": "config", "get_profile": "config", "make_model": "model", "load_checkpoint": "runs", "save_checkpoint": "runs",
    "certainty": "prioritized_kl", "kl_estimate": "prioritized_kl", "token_logprobs": "prioritized_kl",
    "per_token_kl": "prioritized_kl", "kl_reward": "prioritized_kl", "exact_kl": "prioritized_kl",
    "generate": "rollout", "answer_accuracy": "rollout", "accuracy_table": "rollout", "token_certainty": "eval", "certainty_gaps": "eval",
    "gap_table": "eval", "decisiveness": "eval", "sharpness": "eval", "certainty_temperature_for": "eval",
    "ensure_pretrained": "pretrain", "pretrain": "pretrain", "prioritized_kl": "prioritized_kl",
    "RLConfig": "config", "PretrainConfig": "config", "train_grpo": "integrations.trl",
    "train_a2c": "finetune", "sweep": "sweep", "RunDir": "runs",
    "register_kl_estimator": "prioritized_kl", "register_token_method": "methods", "register_learner": "a2c", "agg_loss": "methods",
}
__all__ = sorted(_API)


def __getattr__(name: str):
    if name in _API:
        import importlib
        return getattr(importlib.import_module(f"klcritical.{_API[name]}"), name)
    raise AttributeError(f"module 'klcritical' has no attribute {name!r}")


def __dir__(): return sorted(set(globals()) | set(_API))


import sys as _sys, types as _types
_SHADOWED = {n for n, m in _API.items() if n == m}   # functions named like the module that defines them


class _Package(_types.ModuleType):
    "The package, except that importing `klcritical.pretrain` does not rebind the root's `pretrain` to the module."
    def __setattr__(self, name, value):
        if name in _SHADOWED and isinstance(value, _types.ModuleType): return   # the module stays in sys.modules
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
