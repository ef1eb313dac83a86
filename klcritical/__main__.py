"""`python -m klcritical <command> [flags]`: the same as the `klcritical` command (this file is written by hand, not exported)."""
import sys
from klcritical.cli import main

sys.exit(main())
