"""``python -m minutes_parser``: the same command line as ``minutes-parser``."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
