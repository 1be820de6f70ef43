"""The one status model: a pure function of (config, history, now, facts) and the I/O that gathers the facts,
plus the rules of when the tray notifies.

May import: the loose basics, `store`, `guard`, `drives`, `offsite`, `schedule`, `reports.memory`.
"""
