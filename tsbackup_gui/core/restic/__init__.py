"""The restic driver: finding and running the binary, its JSON, its errors as sentences.

It knows nothing of the app: no settings, no targets, no keyring.
May import: the loose basics only.
"""
