"""Reports for the IT partner: monitoring pings, mails, the monthly summary, the diagnostics bundle.

May import: everything below it in the layer order except `check`, `restore`, `setup`, `run`.
"""
