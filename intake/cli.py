"""``kiosk-intake``: serve, migrate, issue enrolment codes, revoke stations, import a kiosk's
offline queue file or a ward's roster file, export a ward's signed roster for kiosks without
network, set daily targets, write a ward's day report, write a demo ward.

Every command takes ``--database-url`` (default ``INTAKE_DATABASE_URL``, else SQLite in the data
dir) and brings the schema up to date first.  ``enrol-code`` prints only the code, so scripts can
capture it.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import sys
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

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
    limits = Settings(database_url="")
    serve.add_argument(
        "--max-in-flight",
        type=int,
        default=limits.max_in_flight,
        help=f"uploads, roster pages and stats processed at once (default {limits.max_in_flight})",
    )
    serve.add_argument(
        "--lookup-slots",
        type=int,
        default=limits.lookup_slots,
        help=f"lookups processed at once, apart from uploads (default {limits.lookup_slots})",
    )
    serve.add_argument(
        "--queue-length",
        type=int,
        default=limits.queue_length,
        help="requests of a kind that may wait for a slot; beyond, 503 "
        f"(default {limits.queue_length})",
    )
    serve.add_argument(
        "--queue-wait",
        type=float,
        default=limits.queue_wait,
        help=f"seconds a request may wait for a slot at most (default {limits.queue_wait:g})",
    )
    serve.add_argument(
        "--queue-target",
        type=float,
        default=limits.queue_target,
        help="refuse at once a request predicted to wait longer than this many seconds "
        f"(default {limits.queue_target:g})",
    )
    serve.add_argument(
        "--header-timeout",
        type=float,
        default=limits.header_timeout,
        help=f"seconds to send a request's headers (default {limits.header_timeout:g})",
    )
    serve.add_argument(
        "--body-timeout",
        type=float,
        default=limits.body_timeout,
        help=f"seconds to send a request's body (default {limits.body_timeout:g})",
    )
    serve.add_argument("--ssl-certfile", type=Path, help="serve TLS with this certificate (PEM)")
    serve.add_argument("--ssl-keyfile", type=Path, help="the certificate's private key (PEM)")
    serve.add_argument(
        "--retry-after",
        type=_seconds_range,
        default=limits.retry_after,
        metavar="MIN-MAX",
        help="range of the jittered Retry-After sent with 503 "
        f"(default {limits.retry_after[0]}-{limits.retry_after[1]})",
    )

    commands.add_parser("migrate", parents=[common], help="bring the database schema up to date")

    code = commands.add_parser("enrol-code", parents=[common], help="issue a one-time code")
    code.add_argument("--ward", required=True, help='e.g. "Yên Nghĩa" or "Phường Yên Nghĩa"')
    code.add_argument("--group", required=True, help='e.g. "Tổ dân phố 3" or "3"')
    code.add_argument("--ttl-hours", type=float, default=24.0, help="validity (default 24 h)")

    revoke = commands.add_parser("revoke", parents=[common], help="revoke a station's token")
    revoke.add_argument("station_id")

    queue = commands.add_parser(
        "import-queue", parents=[common], help="import a kiosk's offline queue export file"
    )
    queue.add_argument("file", type=Path, help="the .queue file from the kiosk's USB stick")
    queue.add_argument(
        "--allow-revoked", action="store_true", help="accept the file of a revoked station"
    )

    roster = commands.add_parser(
        "import-roster", parents=[common], help="import the ward's roster from a CSV or XLSX file"
    )
    roster.add_argument(
        "file", type=Path, help="CSV (UTF-8) or XLSX; columns: docs/roster-import.md"
    )
    roster.add_argument("--ward", help='ward of rows with no ward column value, e.g. "Yên Nghĩa"')
    roster.add_argument(
        "--skip-bad", action="store_true", help="import the good rows even when some rows are bad"
    )

    export = commands.add_parser(
        "export-roster",
        parents=[common],
        help="write a ward's roster, signed by this server, for kiosks without network",
    )
    export.add_argument("--ward", required=True, help='e.g. "Yên Nghĩa" or "Phường Yên Nghĩa"')
    export.add_argument(
        "--out", type=Path, required=True, help="the file to write (e.g. on a USB stick), *.roster"
    )

    target = commands.add_parser("target", help="set or list daily targets per residential group")
    targets = target.add_subparsers(dest="target_command", required=True)
    target_set = targets.add_parser("set", parents=[common], help="set a group's target for a day")
    target_set.add_argument("--ward", required=True, help='e.g. "Yên Nghĩa" or "Phường Yên Nghĩa"')
    target_set.add_argument("--group", required=True, help='e.g. "Tổ dân phố 3" or "3"')
    target_set.add_argument("--date", required=True, type=_day, help="the day, YYYY-MM-DD")
    target_set.add_argument(
        "--by", required=True, help="who sets it (kept with the target, not logged)"
    )
    target_set.add_argument("target", type=int, help="residents to serve that day (0 or more)")
    target_list = targets.add_parser("list", parents=[common], help="list a ward's targets")
    target_list.add_argument("--ward", required=True)
    target_list.add_argument("--date", type=_day, help="only this day, YYYY-MM-DD")

    report = commands.add_parser(
        "report", parents=[common], help="write a ward's day report (docs/report.md)"
    )
    report.add_argument("--ward", required=True, help='e.g. "Yên Nghĩa" or "Phường Yên Nghĩa"')
    report.add_argument("--date", required=True, type=_day, help="the day, YYYY-MM-DD")
    report.add_argument("--out", type=Path, required=True, help="the file to write, .xlsx or .csv")

    demo = commands.add_parser("demo-data", parents=[common], help="write a synthetic ward")
    demo.add_argument("--residents", type=int, required=True)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--ward", default="Phường Yên Nghĩa")
    demo.add_argument("--replace", action="store_true", help="rebuild a ward that has data")
    return parser


def _seconds_range(text: str) -> tuple[int, int]:
    """``MIN-MAX`` whole seconds, e.g. ``2-10``."""
    low, _, high = text.partition("-")
    try:
        return int(low), int(high or low)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected MIN-MAX seconds, got {text!r}") from None


def _day(text: str) -> date:
    """A ``YYYY-MM-DD`` day."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text!r}") from None


def _engine(settings: Settings) -> Engine:
    engine = make_engine(settings.database_url)
    migrate(engine)
    return engine


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from intake.app import create_app
    from intake.serving import SWITCH_INTERVAL, log_config, uvicorn_config

    settings = dataclasses.replace(
        settings,
        max_in_flight=args.max_in_flight,
        lookup_slots=args.lookup_slots,
        queue_length=args.queue_length,
        queue_wait=args.queue_wait,
        queue_target=args.queue_target,
        retry_after=args.retry_after,
        header_timeout=args.header_timeout,
        body_timeout=args.body_timeout,
    )
    if (args.ssl_certfile is None) != (args.ssl_keyfile is None):
        print("serve: --ssl-certfile and --ssl-keyfile go together", file=sys.stderr)
        return 2
    if settings.header_timeout <= 0:
        print("serve: --header-timeout must be above 0", file=sys.stderr)
        return 2
    try:
        app = create_app(settings)
    except ValueError as exc:
        print(f"serve: {exc}", file=sys.stderr)
        return 2
    engine = _engine(settings)
    engine.dispose()
    config = uvicorn_config(
        app,
        settings,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        log_config=log_config(),
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
    )
    sys.setswitchinterval(SWITCH_INTERVAL)
    server = uvicorn.Server(config)
    with contextlib.suppress(KeyboardInterrupt):  # uvicorn raises a caught Ctrl+C again at exit
        server.run()
    return 0 if server.started else 3


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
    if args.command == "import-queue":
        return _import_queue(engine, args.file, args.allow_revoked)
    if args.command == "import-roster":
        return _import_roster(engine, args.file, args.ward, args.skip_bad)
    if args.command == "export-roster":
        return _export_roster(engine, args.ward, args.out)
    if args.command == "target":
        return _target(engine, args)
    if args.command == "report":
        return _report(engine, args.ward, args.date, args.out)
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


def _import_queue(engine: Engine, file: Path, allow_revoked: bool) -> int:
    """Import a kiosk's export file; one summary line, or the reason it was refused."""
    from intake.importer import ImportRefused, import_queue

    try:
        data = file.read_bytes()
    except OSError as exc:
        print(f"import-queue: cannot read {file}: {exc.strerror}", file=sys.stderr)
        return 1
    try:
        report = import_queue(engine, data, allow_revoked=allow_revoked)
    except ImportRefused as exc:
        print(f"import-queue: refused: {exc}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{n} {status}" for status, n in sorted(report.counts.items())) or "nothing"
    print(f"{report.station_id}: {report.items} submission(s): {counts}")
    return 0


def _export_roster(engine: Engine, ward: str, out: Path) -> int:
    """Write the ward's signed roster file; one summary line (counts only), or why not."""
    from intake.roster_export import EmptyWard, export_roster

    started = time.perf_counter()
    try:
        written = export_roster(engine, ward, out)
    except EmptyWard as exc:
        print(f"export-roster: {exc}, nothing written", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"export-roster: cannot write {out}: {exc.strerror}", file=sys.stderr)
        return 1
    print(
        f"{written.ward}: {written.households} households, {written.residents} residents, "
        f"{written.vehicles} vehicles, {written.licences} licences in {written.pages} page(s) "
        f"to {written.path} in {time.perf_counter() - started:.1f} s"
    )
    return 0


def _target(engine: Engine, args: argparse.Namespace) -> int:
    """``target set``: one line with what was stored; ``target list``: one line per target."""
    from intake.targets import list_targets, set_target

    if args.target_command == "set":
        try:
            record = set_target(
                engine, args.ward, args.group, args.date, args.target, set_by=args.by
            )
        except ValueError as exc:
            print(f"target set: {exc}", file=sys.stderr)
            return 2
        print(f"{record.ward}, {record.group}, {record.day}: {record.target}")
        return 0
    for record in list_targets(engine, args.ward, args.date):
        print(
            f"{record.day}\t{record.group}\t{record.target}\t{record.set_by}\t"
            f"{record.set_at:%Y-%m-%d %H:%M}"
        )
    return 0


def _report(engine: Engine, ward: str, day: date, out: Path) -> int:
    """Write the ward's day report; one summary line (counts only), or why not."""
    from intake.report import ward_report, write_report

    if out.suffix.lower() not in (".xlsx", ".csv"):
        print(f"report: write a .xlsx or .csv file, not {out.name}", file=sys.stderr)
        return 2
    report = ward_report(engine, ward, day)
    try:
        write_report(report, out)
    except OSError as exc:
        print(f"report: cannot write {out}: {exc.strerror}", file=sys.stderr)
        return 1
    residents = sum(row.residents for row in report.rows)
    print(
        f"{report.ward}, {day}: {len(report.rows)} group(s), {residents} resident(s) served, "
        f"to {out}"
    )
    return 0


def _import_roster(engine: Engine, file: Path, ward: str | None, skip_bad: bool) -> int:
    """Check and import a roster file; bad rows by number and column on stderr, never values."""
    from intake.roster_import import RosterUnreadable, import_roster

    started = time.perf_counter()
    try:
        report = import_roster(engine, file, ward=ward, skip_bad=skip_bad)
    except OSError as exc:
        print(f"import-roster: cannot read {file}: {exc.strerror}", file=sys.stderr)
        return 1
    except RosterUnreadable as exc:
        print(f"import-roster: {file}: {exc}", file=sys.stderr)
        return 1
    for error in report.errors:
        print(f"import-roster: {error.describe()}", file=sys.stderr)
    bad = len(report.bad_rows)
    if not report.imported:
        why = f"{bad} bad row(s)" if bad else "no rows"
        hint = "; fix them, or --skip-bad to import the others" if bad and not skip_bad else ""
        print(f"import-roster: {why}, nothing imported{hint}", file=sys.stderr)
        return 1 if bad else 0
    counts = "; ".join(f"{name}: {counts}" for name, counts in report.counts.items())
    print(
        f"{', '.join(report.wards) or 'no change'}: {report.rows} rows, {bad} bad skipped; "
        f"{counts}; in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
