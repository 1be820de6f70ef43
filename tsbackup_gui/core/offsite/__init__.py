"""The off-site copy: the targets (folder, SFTP, S3, REST, external), the upload and retention,
the connection test, the password change, the keyring names and what the history says about it.

May import: the loose basics, `store`, `restic`, `primary`, `drives`.
"""
