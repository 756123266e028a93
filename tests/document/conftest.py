from __future__ import annotations

import sys
from pathlib import Path

# The tests here share wordkit.py; make it importable under any pytest import mode.
_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
