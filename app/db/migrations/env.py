"""Alembic environment: always run from code with a connection handed in by app.db.schema."""

from alembic import context

from app.db.models import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Chorus runs its migrations from code: use app.db.schema.upgrade().")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite alters tables by rebuilding them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
