"""Alembic migrations of the kiosk database, run from code (:mod:`kiosk.store.migrate`), no alembic.ini."""
