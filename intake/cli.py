"""``kiosk-intake``: serve, migrate, issue enrolment codes, revoke stations, write a demo ward.

Every command takes ``--database-url`` (default ``INTAKE_DATABASE_URL``, else SQLite in the data
dir) and brings the schema up to date first.  ``enrol-code`` prints only the code, so scripts can
capture it.
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import Engine

from intake.config import Settings
from intake.db import make_engine, migrate


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database-url", help="SQLAlchemy URL (sqlite:///… or postgresql+psycopg://…)"
    )
    parser = argparse.ArgumentParser(
        prog="kiosk-intake",
        description="The ward's intake server: serve it, migrate its database, issue enrolment "
        "codes, revoke stations, write a demo ward.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", parents=[common], help="run the intake server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument("--log-level", default="info")

    commands.add_parser("migrate", parents=[common], help="bring the database schema up to date")

    code = commands.add_parser("enrol-code", parents=[common], help="issue a one-time code")
    code.add_argument("--ward", required=True, help='e.g. "Yên Nghĩa" or "Phường Yên Nghĩa"')
    code.add_argument("--group", required=True, help='e.g. "Tổ dân phố 3" or "3"')
    code.add_argument("--ttl-hours", type=float, default=24.0, help="validity (default 24 h)")

    revoke = commands.add_parser("revoke", parents=[common], help="revoke a station's token")
    revoke.add_argument("station_id")

    demo = commands.add_parser("demo-data", parents=[common], help="write a synthetic ward")
    demo.add_argument("--residents", type=int, required=True)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--ward", default="Phường Yên Nghĩa")
    demo.add_argument("--replace", action="store_true", help="rebuild a ward that has data")
    return parser


def _engine(settings: Settings) -> Engine:
    engine = make_engine(settings.database_url)
    migrate(engine)
    return engine


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from intake.app import create_app

    engine = _engine(settings)
    engine.dispose()
    # uvicorn's own logging, plus the server's loggers (counts and error types, never bodies).
    log_config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    log_config["loggers"]["intake"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    uvicorn.run(
        create_app(settings),
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        log_config=log_config,
        proxy_headers=False,
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kiosk-intake`` console script."""
    args = _parser().parse_args(argv)
    settings = Settings.from_env(database_url=args.database_url)
    if args.command == "serve":
        return _serve(settings, args)
    engine = _engine(settings)
    try:
        return _run(engine, settings, args)
    finally:
        engine.dispose()


def _run(engine: Engine, settings: Settings, args: argparse.Namespace) -> int:
    from intake import auth, demo

    if args.command == "enrol-code":
        ttl = timedelta(hours=args.ttl_hours)
        print(auth.issue_enrol_code(engine, args.ward, args.group, ttl))
        return 0
    if args.command == "revoke":
        if auth.revoke(engine, args.station_id):
            print(f"revoked {args.station_id}", file=sys.stderr)
            return 0
        print(f"no active station {args.station_id}", file=sys.stderr)
        return 1
    if args.command == "demo-data":
        started = time.perf_counter()
        try:
            made = demo.populate(engine, args.residents, args.seed, args.ward, args.replace)
        except demo.DemoError as exc:
            print(f"demo-data: {exc}", file=sys.stderr)
            return 1
        print(
            f"{made.ward}: {len(made.households)} households, {len(made.residents)} residents, "
            f"{len(made.vehicles)} vehicles, {len(made.licences)} licences "
            f"in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        return 0
    return 0  # migrate: done by _engine


if __name__ == "__main__":
    raise SystemExit(main())
