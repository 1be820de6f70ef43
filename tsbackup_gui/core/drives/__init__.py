"""Backup drives: which disk a folder is on, the drives the wizard offers, rotation between drives.

May import: the loose basics, `store`, `primary`.
"""
