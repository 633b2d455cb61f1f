"""The ``gongwen`` command (also ``python -m generator``).

Importing the program takes a noticeable moment (pydantic, lxml, reportlab); Ctrl-C during
it must end the run as Ctrl-C later does, with exit code 130 and no traceback. So this entry
point imports the command line inside its own guard.
"""

from __future__ import annotations

import sys


def main() -> int:
    try:
        from generator.cli import main as run
        return run(parallel=True)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
