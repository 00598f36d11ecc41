"""`python -m loket.models.cli` runs the `loket` command."""

import sys

from loket.models.cli import main

sys.exit(main())
