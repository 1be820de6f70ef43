"""`python -m tsbackup_gui` / `tsbackup-gui`: the app."""

import sys


def main() -> int:
    import os

    from tsbackup_gui.app import askpass

    if askpass.called_as_askpass(os.environ):  # started by ssh as SSH_ASKPASS (an AppImage names itself there)
        out = getattr(sys.stdout, "buffer", None)
        return askpass.answer(os.environ, out) if out is not None else 1
    from tsbackup_gui.ui.app import main as app_main

    return app_main()


if __name__ == "__main__":
    sys.exit(main())
