"""Frozen entry point of rbdesk (rbdesk.exe): the window, no console."""

import sys

from rbdesk.gui import main

sys.exit(main())
