import sys

from rbdesk.cli import main

sys.exit(main())
