"""One backup run end to end: locks, history, the drive marker, the copy, retention, the off-site step, cancel.

May import: every other package of `core`.
"""
