"""The application layer: one function per use case, the only door for `cli`, `clicmd` and `ui`.

Back up now, the due-check tick, the current status, restore into a folder or on a
new computer, check, drill, pause and resume, setup, forget: each is assembled
here once, so the tray, the status window and the command can never disagree
about what a use case does. The front-ends show and ask; the rules live in
`core` and are put together here.

May import: `tsbackup_gui.core` (any package). Never Qt, never `ui` or `clicmd`.
"""
