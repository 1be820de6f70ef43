"""Finding the timeSensor LEGAL installation (single-user, server, workstation) and the demo installation.

May import: the loose basics, `store`, `fourd`.
"""
