#!/usr/bin/env python3
"""Builds the self-contained tsbackup app for this OS: `python build_installer.py [--restic PATH]`.

The work is in bundling/ (spec, icons, per-OS packaging); see README, "Building the installer".
"""

import sys

from bundling.build import main

if __name__ == "__main__":
    sys.exit(main())
