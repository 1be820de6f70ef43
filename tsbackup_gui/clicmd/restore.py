"""`tsbackup restore`: from the backup drive, from the off-site backup, or on a new computer.

    tsbackup restore --from primary|secondary [--generation ID | --snapshot ID] --to DIR
    tsbackup restore --repo URL --password-stdin --to DIR      (no configuration needed)
"""

from __future__ import annotations

from pathlib import Path

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.clicmd.stdin import read_secret_line
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.restore.into_folder import RestoreReport, RestoreVerifyError, check_target, restored_message

NEED_SOURCE = define(
    "restore.need_source",
    QT_TRANSLATE_NOOP("core", "Say where to restore from: --from primary, --from secondary, or --repo URL with --password-stdin."),
)
BAD_COMBINATION = define(
    "restore.bad_combination",
    QT_TRANSLATE_NOOP("core", "{option} cannot be used here: {hint}"),
)
HINT_GENERATION = define(
    "restore.hint_generation",
    QT_TRANSLATE_NOOP("core", "--generation is for --from primary, --snapshot for the off-site backup."),
)
HINT_REPO = define(
    "restore.hint_repo",
    QT_TRANSLATE_NOOP("core", "--repo restores without a configuration and replaces --from."),
)
NEED_PASSWORD_STDIN = define(
    "restore.need_password_stdin",
    QT_TRANSLATE_NOOP("core", "--repo needs --password-stdin: pass the password from the recovery sheet on standard input."),
)
EMPTY_PASSWORD = define(
    "restore.empty_password",
    QT_TRANSLATE_NOOP("core", "No password arrived on standard input. Pass the password from the recovery sheet, for example with: echo 'PASSWORD' | tsbackup restore …"),
)
NO_SECONDARY = define(
    "restore.no_secondary",
    QT_TRANSLATE_NOOP("core", "No off-site backup is set up on this computer. Use --repo URL --password-stdin to restore from one."),
)
NO_GENERATION = define(
    "restore.no_generation",
    QT_TRANSLATE_NOOP("core", "There is no backup {generation} on the backup drive. 'tsbackup generations' lists them."),
)


def add_parser(sub):
    p = sub.add_parser("restore", help="restore a backup into an empty folder and check it")
    p.add_argument("--from", dest="source", choices=("primary", "secondary"), help="the backup drive or the off-site backup")
    p.add_argument("--generation", metavar="ID", help="a generation on the backup drive (default: the newest good one)")
    p.add_argument("--snapshot", metavar="ID", help="an off-site snapshot (default: the newest)")
    p.add_argument("--repo", metavar="URL", help="an off-site repository, without any configuration (new computer)")
    p.add_argument("--host", metavar="NAME", help="with --repo: the newest snapshot of this computer")
    p.add_argument("--password-stdin", action="store_true", help="read the repository password from one line of stdin")
    p.add_argument("--to", metavar="DIR", required=True, help="a new or empty folder")
    p.add_argument("--json", action="store_true", help="one JSON summary object on stdout")
    p.set_defaults(handler=run)


def _refuse(option: str, hint) -> UserError:
    return UserError(BAD_COMBINATION(option=option, hint=hint()), Exit.USAGE)


def run(args, out) -> int:
    to = Path(args.to).expanduser()
    if args.repo:
        if args.source:
            raise _refuse("--from", HINT_REPO)
        if args.generation:
            raise _refuse("--generation", HINT_GENERATION)
        if not args.password_stdin:
            raise UserError(NEED_PASSWORD_STDIN(), Exit.USAGE)
    elif not args.source:
        raise UserError(NEED_SOURCE(), Exit.USAGE)
    elif args.source == "primary" and args.snapshot:
        raise _refuse("--snapshot", HINT_GENERATION)
    elif args.source == "secondary" and args.generation:
        raise _refuse("--generation", HINT_GENERATION)
    elif args.host:
        raise _refuse("--host", HINT_REPO)
    check_target(to)
    try:
        report = _restore(args, to)
    except RestoreVerifyError as error:
        if args.json:
            out.emit(_summary(out, error.report, "failed", error.exit_code, [error.message]))
        raise
    except UserError as error:
        if args.json:
            out.emit({"event": "summary", "outcome": "failed", "exit_code": error.exit_code, "to": str(to),
                      "reasons": [{"code": error.message.id, "message": out.sentence(error.message)}]})
        raise
    message = restored_message(report)
    if args.json:
        out.emit(_summary(out, report, "ok", Exit.OK, []))
    out.say(message)
    return Exit.OK


def _restore(args, to: Path) -> RestoreReport:
    from tsbackup_gui.core.restore import into_folder as restore_mod

    if args.repo:
        from tsbackup_gui.core.restic.driver import Restic

        password = read_secret_line(EMPTY_PASSWORD)
        repo, env = _new_computer_repository(args.repo)
        return restore_mod.restore_from_snapshot(Restic(repo, password, env_extra=env), args.snapshot or "latest", to,
                                                 host=args.host)
    config = config_mod.require()
    if args.source == "primary":
        from tsbackup_gui.core.drives.rotation import connected_config  # rotation: the drive that is connected

        return restore_mod.restore_from_primary(_generation_path(connected_config(config), args.generation), to)
    from tsbackup_gui.core.offsite.upload import open_repository, setup_tag
    from tsbackup_gui.core.store.secrets import SecretStore

    if not config.secondary or not config.secondary.get("repo"):
        raise UserError(NO_SECONDARY(), Exit.USAGE)
    restic = open_repository(config.secondary, SecretStore(config.setup_id))
    if args.snapshot:
        return restore_mod.restore_from_snapshot(restic, args.snapshot, to)
    return restore_mod.restore_from_snapshot(restic, "latest", to, host=config.computer, tags=[setup_tag(config.setup_id)])


def _generation_path(config, generation_id: str | None) -> Path:
    from tsbackup_gui.core.primary.rows import NO_GENERATIONS
    from tsbackup_gui.core.primary import Target, list_generations
    from tsbackup_gui.core.offsite.upload import pick_generation

    target = Target(Path(config.primary), config.computer)
    target.require_marker(config.setup_id)
    generations = list_generations(target)
    if generation_id:
        for generation in generations:
            if generation.id == generation_id:
                return generation.path
        raise UserError(NO_GENERATION(generation=generation_id), Exit.USAGE)
    if not generations:
        raise UserError(NO_GENERATIONS(), Exit.USAGE)
    generation, _warning = pick_generation(generations)
    return generation.path




def _new_computer_repository(repo: str) -> tuple[str, dict[str, str]]:
    """A REST server's login comes from RESTIC_REST_USERNAME/RESTIC_REST_PASSWORD (never argv) and
    reaches restic only inside the child's environment; other kinds pass through unchanged."""
    import os

    if not repo.startswith("rest:"):
        return repo, {}
    from tsbackup_gui.core.offsite.rest import login_env, login_from, parse_rest, with_login

    address = parse_rest(repo)  # refuses a login typed into the address
    login = login_from(os.environ, address) or {}
    return with_login(address.repo, login), login_env(login)


def _summary(out, report: RestoreReport, outcome: str, exit_code: int, reasons) -> dict:
    return {"event": "summary", "outcome": outcome, "exit_code": int(exit_code), **report.to_json(),
            "reasons": [{"code": m.id, "message": out.sentence(m)} for m in reasons]}
