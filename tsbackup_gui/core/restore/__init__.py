"""Restoring: a generation or a snapshot into a folder, verified; finding a backup; putting it back in place.

May import: the loose basics, `store`, `restic`, `primary`, `guard`, `drives`, `offsite`.
"""
