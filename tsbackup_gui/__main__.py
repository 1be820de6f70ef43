"""`python -m tsbackup_gui` / `tsbackup-gui`: the app — or, given a command, the `tsbackup` command.

The OS task starts the app's own executable with `run --scheduled …` (see
`core/platform/commands.task_argv`): on macOS only the binary that created a
Keychain item reads it without a question. Such a start goes straight to the
command, without Qt, without a window and without the tray's single-instance
check.
"""

import sys


def wants_command(argv: list[str]) -> bool:
    """True when the arguments name a `tsbackup` command (after an optional ``--home DIR``)."""
    if not argv:
        return False
    from tsbackup_gui.cli import command_name, take_home

    words, _home = take_home(argv)
    return command_name(words) is not None


def main() -> int:
    import os

    from tsbackup_gui.app import askpass

    if askpass.called_as_askpass(os.environ):  # started by ssh as SSH_ASKPASS (an AppImage names itself there)
        out = getattr(sys.stdout, "buffer", None)
        return askpass.answer(os.environ, out) if out is not None else 1
    if wants_command(sys.argv[1:]):
        from tsbackup_gui.cli import main as cli_main

        # A windowed executable (Windows, console=False) has no standard streams: write nowhere
        # rather than fail on the first sentence.
        for name in ("stdout", "stderr"):
            if getattr(sys, name) is None:
                setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
        if sys.stdin is None:
            sys.stdin = open(os.devnull, encoding="utf-8")
        return cli_main(sys.argv[1:])
    from tsbackup_gui.ui.app import main as app_main

    return app_main()


if __name__ == "__main__":
    sys.exit(main())
