"""Migration scripts (a package only so that wheels and bundles ship them; Alembic skips this file)."""
