"""The primary backup: read-only, hashed, hard-linked generations on an identified drive.

Layout (DESIGN.md)::

    <primary>/timeSensor Backups/
      HOW-TO-RESTORE.txt
      <computer>/
        .tsbackup-target               marker: no marker, no backup
        2026-11-27_020000/             a finished generation
          timeSensor DataFiles/…
          4D Backup/…                  (server: archives kept outside the data folder)
          tsbackup-manifest.json
        .partial-2026-11-28_020000/    never listed; removed by the next run

The modules are imported by name (`primary.target`, `primary.copier`, …): this file loads
nothing, so a command that only reads the status does not load the copy engine.

May import: the loose basics and `store`.
"""
