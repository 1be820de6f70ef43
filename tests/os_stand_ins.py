"""Stand-ins for the OS's own tools (systemctl, loginctl, schtasks, powershell, reg, launchctl,
security, caffeinate), written by a test into a folder first on PATH.

Each records argv, what it read on stdin and the environment it was given (one JSON line per
call) — what the real tool would be handed — and plays the part of the tool from a small state
file. A stand-in fails the way a captured child that would prompt fails for real: `schtasks`
handed ``/RP *`` (it asks on the console) and anything that would ask on an empty stdin exit 1
with "would prompt" instead of waiting.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

COMMON = r'''#!{python}
import json, os, shlex, subprocess, sys, time
from pathlib import Path

TOOL = {tool!r}
record = Path({calls!r})
state_file = record.with_name("os-state.json")
args = sys.argv[1:]
stdin = "" if sys.stdin is None or sys.stdin.isatty() else sys.stdin.read()
with record.open("a", encoding="utf-8") as sink:
    sink.write(json.dumps({{"argv": [TOOL, *args], "stdin": stdin,
                           "env": {{k: v for k, v in os.environ.items() if k.startswith(("TSBACKUP", "PYTHON_KEYRING"))}}}}) + "\n")
fail = os.environ.get("STAND_IN_FAIL", "")
if fail and fail in " ".join([TOOL, *args]):
    print("Failed to connect to bus: No medium found", file=sys.stderr)
    sys.exit(1)
state = json.loads(state_file.read_text()) if state_file.exists() else {{}}


def save():
    state_file.write_text(json.dumps(state))


def prompt_refused():
    print("would prompt", file=sys.stderr)
    sys.exit(1)
'''

SYSTEMCTL = r'''
units = Path(os.environ["HOME"]) / ".config" / "systemd" / "user"
enabled = set(state.get("enabled", []))
if args[:2] == ["--user", "start"] and args[2].endswith(".service"):
    # A login's plain environment; PYTHONPATH only so that the entry point runs the code under test.
    keep = ("HOME", "USER", "LOGNAME", "PATH", "LANG", "PYTHONPATH")
    command, env = None, {k: os.environ[k] for k in keep if k in os.environ}
    for line in (units / args[2]).read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key == "ExecStart":
            command = [word.replace("%%", "%").replace("$$", "$") for word in shlex.split(value)]
        elif key == "Environment":
            name, _, setting = shlex.split(value)[0].partition("=")
            env[name] = setting.replace("%%", "%")
    code = subprocess.run(command, env=env, stdin=subprocess.DEVNULL, capture_output=True).returncode
    state.update(status=code, ended=time.strftime("%a %Y-%m-%d %H:%M:%S UTC", time.gmtime()))
    save()
    sys.exit(code)
if args[:2] == ["--user", "enable"]:
    state["enabled"] = sorted(enabled | {args[-1]})
elif args[:2] == ["--user", "disable"]:
    state["enabled"] = sorted(enabled - {args[-1]})
elif args[:2] == ["--user", "show"]:
    unit = args[2]
    if unit.endswith(".timer"):
        loaded = (units / unit).exists()
        print("LoadState=" + ("loaded" if loaded else "not-found"))
        print("UnitFileState=" + ("enabled" if unit in enabled else ("disabled" if loaded else "")))
    else:
        print("ActiveState=inactive")
        print(f"ExecMainStatus={state.get('status') or 0}")
        print(f"ExecMainExitTimestamp={state.get('ended', '')}")
save()
'''

LOGINCTL = "\n"

SCHTASKS = r'''
if "/RP" in args and (args.index("/RP") + 1 == len(args) or args[args.index("/RP") + 1] in ("*", "")):
    prompt_refused()
verb = args[0]
if verb == "/Create":
    xml = Path(args[args.index("/XML") + 1]).read_bytes().decode("utf-16")
    state["task"] = {"xml": xml, "enabled": True, "result": 267011, "last": "N/A"}
elif verb == "/Delete":
    if state.pop("task", None) is None:
        print("ERROR: The system cannot find the file specified.", file=sys.stderr)
        save()
        sys.exit(1)
elif verb == "/Query":
    task = state.get("task")
    if task is None:
        print("ERROR: The system cannot find the file specified.", file=sys.stderr)
        sys.exit(1)
    if "/XML" in args:
        xml = task["xml"] if task["enabled"] else task["xml"].replace(
            "<Enabled>true</Enabled>\n    <Hidden>", "<Enabled>false</Enabled>\n    <Hidden>")
        print(xml)
    else:  # /V /FO CSV, with the German column titles of a German Windows
        print('"Hostname","Aufgabenname","Nächste Laufzeit","Status","Anmeldemodus","Letzte Laufzeit",'
              '"Letztes Ergebnis","Autor","Auszuführende Aufgabe"')
        print(f'"KANZLEI-PC","\\tsbackup","08.12.2026 19:15:00","Bereit","Interaktiv/Hintergrund",'
              f'"{task["last"]}","{task["result"]}","anna","C:\\tsbackup\\tsbackup-gui.exe run --scheduled"')
elif verb == "/Run":
    # Runs the task's Exec as Task Scheduler would: Command and Arguments, and no environment of the
    # shell that registered it (Task Scheduler has none to give; PYTHONPATH only so that the code
    # under test runs).
    import xml.etree.ElementTree as ET
    ns = "{http://schemas.microsoft.com/windows/2004/02/mit/task}"
    root = ET.fromstring(state["task"]["xml"].split("?>", 1)[1])
    command = [root.findtext(f"{ns}Actions/{ns}Exec/{ns}Command"),
               *shlex.split(root.findtext(f"{ns}Actions/{ns}Exec/{ns}Arguments"))]
    env = {k: os.environ[k] for k in ("PATH", "PYTHONPATH", "HOME", "USER", "LANG") if k in os.environ}
    code = subprocess.run(command, env=env, stdin=subprocess.DEVNULL, capture_output=True).returncode
    code = int(os.environ.get("STAND_IN_RESULT", code))
    state["task"]["result"], state["task"]["last"] = code, "07.12.2026 19:15:00"
elif verb == "/Change" and "/DISABLE" in args:
    state["task"]["enabled"] = False
save()
'''

POWERSHELL = r'''
script = args[args.index("-Command") + 1]
if "-NonInteractive" not in args or "[Console]::OpenStandardInput()" not in script:
    prompt_refused()
if not stdin.strip():
    print("no password on standard input", file=sys.stderr)
    sys.exit(3)
path = script.split("[IO.File]::ReadAllText('", 1)[1].split("')", 1)[0].replace("''", "'")
state["task"] = {"xml": Path(path).read_bytes().decode("utf-16"), "enabled": True, "result": 267011, "last": "N/A",
                 "password_given": True}
save()
'''

REG = r'''
values = state.setdefault("reg", {})
key = args[1]
name = args[args.index("/v") + 1] if "/v" in args else None
if args[0] == "add":
    values[key + "\\" + name] = [args[args.index("/t") + 1], args[args.index("/d") + 1]]
elif args[0] == "delete":
    if values.pop(key + "\\" + name, None) is None:
        save()
        sys.exit(1)
elif args[0] == "query":
    found = values.get(key + "\\" + name)
    if found is None:
        print("ERROR: The system was unable to find the specified registry key or value.", file=sys.stderr)
        sys.exit(1)
    print(f"\n{key}\n    {name}    {found[0]}    {found[1]}\n")
save()
'''

LAUNCHCTL = r'''
jobs = state.setdefault("launchd", {})
if args[0] == "bootstrap":
    plist = args[2]
    import plistlib
    label = plistlib.loads(Path(plist).read_bytes())["Label"]
    jobs[f"{args[1]}/{label}"] = {"exit": None, "runs": 0, "plist": plist}
elif args[0] == "bootout":
    if jobs.pop(args[1], None) is None:
        print(f"Boot-out failed: 3: No such process", file=sys.stderr)
        save()
        sys.exit(3)
elif args[0] == "print":
    job = jobs.get(args[1])
    if job is None:
        print(f'Could not find service "{args[1].rsplit("/", 1)[-1]}" in domain for user gui: 501', file=sys.stderr)
        sys.exit(113)
    code = "(never exited)" if job["exit"] is None else job["exit"]
    print(f"{args[1]} = {{\n\tactive count = 0\n\tstate = not running\n\truns = {job['runs']}\n"
          f"\tlast exit code = {code}\n}}")
elif args[0] == "print-disabled":
    print("disabled services = {")
    for name in state.get("disabled", []):
        print(f'\t"{name}" => disabled')
    print("}")
elif args[0] == "kickstart":
    # Runs the job as launchd would: ProgramArguments with the plist's EnvironmentVariables only.
    import plistlib
    job = plistlib.loads(Path(jobs[args[-1]]["plist"]).read_bytes())
    env = {k: os.environ[k] for k in ("PATH", "PYTHONPATH", "HOME", "USER", "LANG") if k in os.environ}
    env.update(job.get("EnvironmentVariables", {}))
    code = subprocess.run(job["ProgramArguments"], env=env, stdin=subprocess.DEVNULL, capture_output=True).returncode
    code = int(os.environ.get("STAND_IN_RESULT", code))
    jobs[args[-1]].update(exit=code, runs=jobs[args[-1]]["runs"] + 1)
save()
'''

SECURITY = r'''
prompt_refused()  # every keychain question would show a dialog: never in a test, never from the task
'''

CAFFEINATE = r'''
while True:  # holds its assertion until it is ended (or the watched process -w PID ends)
    time.sleep(0.2)
'''

TOOLS = {"systemctl": SYSTEMCTL, "loginctl": LOGINCTL, "schtasks": SCHTASKS, "powershell.exe": POWERSHELL,
         "reg": REG, "launchctl": LAUNCHCTL, "security": SECURITY, "caffeinate": CAFFEINATE}


def install(folder: Path, calls: Path, tools=tuple(TOOLS)) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for tool in tools:
        program = folder / tool
        program.write_text(COMMON.format(python=sys.executable, tool=tool, calls=str(calls)) + TOOLS[tool],
                           encoding="utf-8")
        program.chmod(0o755)


def calls_of(calls: Path) -> list[dict]:
    return [json.loads(line) for line in calls.read_text(encoding="utf-8").splitlines()] if calls.exists() else []


def argvs(calls: Path) -> list[list[str]]:
    return [call["argv"] for call in calls_of(calls)]


def runner_on(folder: Path):
    """A `platform.Runner` that starts the stand-ins by name from `folder` (as PATH would) through
    the program's own `run_command`: stdin is what the step gives, or empty — never the terminal."""
    from tsbackup_gui.core.platform import run_command

    def run(argv, input=None):
        return run_command([str(folder / argv[0]), *argv[1:]], input=input)

    return run
