"""``python -m paperlab.cli``: the same console script as ``paperlab``."""

import sys

from . import main

sys.exit(main())
