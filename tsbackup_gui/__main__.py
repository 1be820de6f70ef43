"""`python -m tsbackup_gui` / `tsbackup-gui`: the app."""

import sys


def main() -> int:
    from tsbackup_gui.ui.app import main as app_main

    return app_main()


if __name__ == "__main__":
    sys.exit(main())
