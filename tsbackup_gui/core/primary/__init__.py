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
"""

from tsbackup_gui.core.primary.copier import DATA_DIR, GenerationResult, Guard, make_generation
from tsbackup_gui.core.primary.generations import Generation, list_generations, new_generation_id, remove_partials
from tsbackup_gui.core.primary.manifest import MANIFEST_NAME, Entry, Manifest
from tsbackup_gui.core.primary.retention import RetentionOutcome, RetentionPlan, apply_retention, looks_like_mass_change, plan_retention
from tsbackup_gui.core.primary.target import Target

__all__ = [
    "DATA_DIR", "MANIFEST_NAME", "Entry", "Generation", "GenerationResult", "Guard", "Manifest",
    "RetentionOutcome", "RetentionPlan", "Target", "apply_retention", "list_generations",
    "looks_like_mass_change", "make_generation", "new_generation_id", "plan_retention", "remove_partials",
]
