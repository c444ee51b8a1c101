"""`python -m gongfu ...`"""

import sys

from gongfu.cli import main

sys.exit(main())
