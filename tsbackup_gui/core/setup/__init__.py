"""Setting up and forgetting: arguments checked before anything is written, the off-site plan, reports,
the wizard's proposals and estimates.

May import: everything below it in the layer order except `run`.
"""
