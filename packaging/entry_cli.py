"""Frozen entry point of rbdesk-cli (rbdesk-cli.exe): the command line, in a console."""

import sys

from rbdesk.cli import main

sys.exit(main())
