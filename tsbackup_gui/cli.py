"""The `tsbackup` command: parses arguments, calls `core`, prints what it says.

No behaviour lives here. Every failure reaches the user as one translated
sentence on stderr with the exit code of the contract (DESIGN.md); with
``--json`` stdout carries only JSON.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import Collection, Sequence

from tsbackup_gui import clicmd
from tsbackup_gui.app import askpass
from tsbackup_gui.clicmd.output import BAD_USAGE, Output
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define

log = logging.getLogger(__name__)

UNEXPECTED = define(
    "cli.unexpected",
    QT_TRANSLATE_NOOP("core", "Something unexpected went wrong ({reason}). Nothing was changed; the details are in the log {log}."),
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument as one plain sentence instead of usage text."""

    def error(self, message: str):  # noqa: D401 - argparse API
        raise UserError(BAD_USAGE(detail=message[:1].upper() + message[1:]), Exit.USAGE)



class _Version(argparse.Action):
    """``--version``, with the version read only when asked (reading it costs more than a status)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from tsbackup_gui import __version__

        print(f"tsbackup {__version__}", file=sys.stdout, flush=True)
        parser.exit()


def build_parser(load: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The parser; the commands named in `load` (all when None) with their own arguments.

    Every other command is a placeholder that has only its help line: enough for
    `tsbackup --help` and for "invalid choice" errors, without importing its module.
    """
    parser = _Parser(prog="tsbackup", description="Backups for timeSensor LEGAL, checked.")
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    parser.add_argument("--home", metavar="DIR", help="use DIR for settings, state and logs (as TSBACKUP_HOME=DIR); "
                        "the OS task passes it where the OS gives a task no environment")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in clicmd.TABLE:
        if load is None or command.name in load:
            clicmd.load(command.name).add_parser(sub)
        else:
            sub.add_parser(command.name, help=command.help)
    return parser


def command_name(argv: Sequence[str]) -> str | None:
    """The command argparse will pick: the first word that is not an option (`tsbackup` has no
    option that takes a value). None when there is none or it is no command."""
    for index, word in enumerate(argv):
        if word == "--":
            word = argv[index + 1] if index + 1 < len(argv) else ""
        elif word.startswith("-") and word != "-":
            continue
        return word if word in clicmd.BY_NAME else None
    return None


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """The arguments, with only the chosen command's module imported."""
    name = command_name(argv)
    args = build_parser(load=() if name is None else (name,)).parse_args(argv)
    if getattr(args, "command", None) and not hasattr(args, "handler"):
        # argparse chose a placeholder (a spelling `command_name` did not foresee): parse again with it loaded
        args = build_parser(load=(args.command,)).parse_args(argv)
    return args


HOME_OPTION = "--home"


def take_home(argv: Sequence[str]) -> tuple[list[str], str | None]:
    """Removes ``--home DIR`` / ``--home=DIR`` (anywhere before ``--``) and returns DIR: it must act
    before anything reads a folder, so it becomes TSBACKUP_HOME before parsing."""
    rest: list[str] = []
    home = None
    words = list(argv)
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--":
            rest += words[index:]
            break
        if word == HOME_OPTION and index + 1 < len(words):
            home, index = words[index + 1], index + 2
            continue
        if word.startswith(HOME_OPTION + "="):
            home, index = word.split("=", 1)[1], index + 1
            continue
        rest.append(word)
        index += 1
    return rest, home


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None and askpass.called_as_askpass(os.environ):  # ssh started us as SSH_ASKPASS: its prompt is argv
        return askpass.answer(os.environ, sys.stdout.buffer)
    out = Output()
    try:
        words, home = take_home(sys.argv[1:] if argv is None else list(argv))
        if home:
            os.environ["TSBACKUP_HOME"] = home
        args = parse(words)
        out.json = bool(getattr(args, "json", False))
        if not getattr(args, "command", None):
            build_parser(load=()).print_help(sys.stderr)
            return Exit.USAGE
        from tsbackup_gui.core.store.logfile import setup_logging  # not needed for --version, --help or a bad command

        log_file = setup_logging()
        try:
            return int(args.handler(args, out))
        except UserError:
            raise
        except KeyboardInterrupt:
            return 130
        except Exception as exc:  # last resort: a sentence for the user, the traceback for the log
            log.exception("unexpected error in %s", args.command)
            out.warn(UNEXPECTED(reason=type(exc).__name__, log=str(log_file)))
            return Exit.USAGE
    except UserError as error:
        out.warn(error.message)
        if out.json and not out.emitted:  # a script reading stdout gets JSON about the failure too
            out.emit({"event": "summary", "outcome": "failed", "exit_code": int(error.exit_code),
                      "reasons": [{"code": error.message.id, "message": out.sentence(error.message)}]})
        return error.exit_code


if __name__ == "__main__":
    sys.exit(main())
