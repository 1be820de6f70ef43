"""4D's own backups: its settings, its archives, its backup history, and whether they are fresh.

May import: the loose basics, `folder_look` and `rootmap`.
"""
