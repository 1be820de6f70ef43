"""When things are due: the daily slot, working days, the local zone, pauses, the tray's minute tick.

May import: the loose basics, `store`, `primary`, `guard`, `drives`.
"""
