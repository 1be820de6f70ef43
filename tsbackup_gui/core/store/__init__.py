"""What tsbackup keeps on disk: the settings, the keyring entries, the history of attempts, locks, the log.

May import: the loose basics of `core` (messages, errors, clock, places, faults).
"""
