"""SQLite storage: tables, engine, schema migrations, backups and recovery."""
