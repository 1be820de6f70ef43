"""The setup wizard (issue 8): one file per page; `SetupWizard` and `WizardLauncher` in `wizard.py`."""

from tsbackup_gui.ui.wizard.common import WizardEnv
from tsbackup_gui.ui.wizard.wizard import SetupWizard, WizardLauncher, demo_env

__all__ = ["SetupWizard", "WizardEnv", "WizardLauncher", "demo_env"]
