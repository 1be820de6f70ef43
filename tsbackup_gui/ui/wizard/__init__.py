"""The setup wizard (issue 8): one file per page; `SetupWizard` and `WizardLauncher` in `wizard.py`."""

from .common import WizardEnv
from .wizard import SetupWizard, WizardLauncher, demo_env

__all__ = ["SetupWizard", "WizardEnv", "WizardLauncher", "demo_env"]
