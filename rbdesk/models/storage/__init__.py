"""The file itself: tables (``schema``), opening and the SQLite dialect (``database``),
the migration ladder, the ``Store`` handle with its read and write transactions, backups,
presence of other PCs, and where local data lives."""
