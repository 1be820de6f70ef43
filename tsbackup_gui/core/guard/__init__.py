"""Consistency: what makes a generation's verdict true.

The single-user guard (timeSensor LEGAL closed before, during and after the copy)
and the server's preparation (4D's newest archive fresh and whole).

May import: the loose basics, `store`, `fourd`, `install`, `primary`.
"""
