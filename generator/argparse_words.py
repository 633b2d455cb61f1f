"""argparse's own words ("usage:", "options", its error texts) from the program's catalog.

argparse translates through ``gettext`` bound at its import (``from gettext import gettext as
_, ngettext``), in the "argparse" domain the program does not ship; its module-level names are
pointed at the program's catalog instead, and the words it says are marked here, so that
``make messages`` extracts them and the catalog gives their Chinese.
"""

from __future__ import annotations

import argparse

from generator import i18n
from generator.i18n import N_

WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("%(prog)s: error: %(message)s\n"),
)


def speak_our_language() -> None:
    """Make argparse say its words through the program's catalog, in the language in force."""
    argparse._ = i18n._
    argparse.ngettext = i18n.ngettext
