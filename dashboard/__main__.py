"""`python -m dashboard ...` = `slt-dashboard ...` (works without the script on PATH)."""

import sys

from dashboard.cli import main

sys.exit(main())
