#!/usr/bin/env python3
"""Differential fuzzing of awaitc: see awaitc_fuzz/campaign.py and README.md."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from awaitc_fuzz.campaign import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
