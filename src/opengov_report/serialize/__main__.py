"""``python -m opengov_report.serialize [--write]``: print the report schema as the generator
makes it now, or (``--write``) rewrite the shipped schema files."""

from __future__ import annotations

import sys

from .schema import main

raise SystemExit(main(sys.argv[1:]))
