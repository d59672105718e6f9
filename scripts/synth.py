#!/usr/bin/env python3
"""Write deterministic synthetic data of our shape: `python scripts/synth.py --records N --out DIR [--seed S]`.

The same command as `.venv/bin/tracker-synth`; its code is scripts/tracker/cli/synth.py.
"""

from tracker.cli.synth import console

if __name__ == "__main__":
    console()
