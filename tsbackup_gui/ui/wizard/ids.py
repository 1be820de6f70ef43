"""The wizard's page ids (QWizard.setPage), in the order a setup walks them."""

WELCOME = 0
INSTALLATION = 1
DRIVE = 2
OFFSITE = 3
SCHEDULE = 4
SHEET = 5
SUMMARY = 6
RESTORE = 7
