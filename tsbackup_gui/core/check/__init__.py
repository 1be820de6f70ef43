"""Checks that make a backup trustworthy: the monthly check, the yearly restore drill, the recovery sheet.

May import: everything below it in the layer order except `setup` and `run`.
"""
