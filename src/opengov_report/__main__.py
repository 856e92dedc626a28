"""``python -m opengov_report`` runs the command line (same as ``opengov-report``)."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
