"""``kiosk-intake import-roster``: every row checked first, bad rows by number, upserts the roster.

A malformed file (bad ID, bad date, duplicate ID, wrong header, wrong field count) lists its bad
rows and changes nothing; ``--skip-bad`` imports the good rows; CSV (with or without BOM) and XLSX;
importing the same file again doubles nothing and kiosks' roster cursors see exactly what changed;
a generated 100,000-row file imports.  All data synthetic (``intake.demo``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from intake.cli import main
from intake.db import make_engine
from intake.demo import Population, generate
from intake.models import Household, Licence, Resident, Vehicle
from intake.registry import current_seq
from intake.roster import Cursor, roster_page
from intake.roster_import import import_roster
from tests.support.roster_files import HEADER, roster_rows, write_csv, write_xlsx

_wards = (f"Phường Thử Nghiệm {n}" for n in itertools.count(1))
BIG_ROWS = 100_000


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def ward() -> str:
    """A ward of its own for each test: the module's database is shared."""
    return next(_wards)


def _population(ward: str, residents: int = 30, seed: int = 5) -> Population:
    return generate(residents, seed, ward)


def _counts(engine: Engine, ward: str) -> tuple[int, int, int, int]:
    """Households, residents, vehicles and licences of the ward on file."""
    homes = select(Household.id).where(Household.ward == ward)
    people = select(Resident.id_number).where(Resident.household_id.in_(homes))
    with engine.connect() as conn:
        return (
            conn.execute(select(func.count()).where(Household.ward == ward)).scalar_one(),
            conn.execute(select(func.count()).where(Resident.household_id.in_(homes))).scalar_one(),
            conn.execute(
                select(func.count()).where(Vehicle.resident_id_number.in_(people))
            ).scalar_one(),
            conn.execute(
                select(func.count()).where(Licence.resident_id_number.in_(people))
            ).scalar_one(),
        )


def _expected(population: Population) -> tuple[int, int, int, int]:
    return (
        len(population.households),
        len(population.residents),
        len(population.vehicles),
        len(population.licences),
    )


def _set(rows: list[list[str]], row: int, column: str, value: str) -> None:
    """Change a cell; ``row`` as the spreadsheet numbers it (header = 1)."""
    rows[row - 2][HEADER.index(column)] = value


def _first(rows: list[list[str]], record: str) -> int:
    """The spreadsheet number of the first row of this record kind."""
    return next(n for n, row in enumerate(rows, start=2) if row[0] == record)


def test_a_csv_imports_and_again_changes_nothing(
    engine: Engine,
    database_url: str,
    ward: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    population = _population(ward)
    rows = roster_rows(population)
    file = write_csv(tmp_path / "roster.csv", rows, bom=True)

    assert main(["import-roster", str(file), "--ward", ward, "--database-url", database_url]) == 0
    out = capsys.readouterr().out
    assert f"{ward}: {len(rows)} rows, 0 bad skipped" in out
    assert _counts(engine, ward) == _expected(population)
    cursor = Cursor.decode(roster_page(engine, ward, Cursor(), 10_000)["next_cursor"])
    clock = _clock(engine, ward)

    again = import_roster(engine, file, ward=ward)
    assert again.imported and again.wards == []
    assert {c.new + c.changed for c in again.counts.values()} == {0}
    assert _counts(engine, ward) == _expected(population)
    assert _clock(engine, ward) == clock
    assert roster_page(engine, ward, cursor, 10_000)["households"] == []

    moved = population.residents[0]
    row = next(n for n, r in enumerate(rows, start=2) if r[1] == moved["id_number"])
    _set(rows, row, "phone", "0987000111")
    changed = import_roster(engine, write_csv(tmp_path / "changed.csv", rows), ward=ward)
    assert changed.counts["residents"].changed == 1
    page = roster_page(engine, ward, cursor, 10_000)
    [household] = page["households"]
    assert household["id"] == _home(engine, moved["id_number"])
    [phone] = [r["phone"] for r in household["residents"] if r["id_number"] == moved["id_number"]]
    assert phone == "0987000111"


def _clock(engine: Engine, ward: str) -> int:
    with engine.connect() as conn:
        return current_seq(conn, ward)


def _home(engine: Engine, id_number: str) -> str:
    with engine.connect() as conn:
        return str(
            conn.execute(
                select(Resident.household_id).where(Resident.id_number == id_number)
            ).scalar_one()
        )


def test_an_xlsx_with_date_cells_imports(engine: Engine, ward: str, tmp_path: Path) -> None:
    population = _population(ward, seed=6)
    dates = {HEADER.index(name) for name in ("birth_date", "issue_date", "expiry_date")}
    rows = [
        [date.fromisoformat(cell) if i in dates and cell else cell for i, cell in enumerate(row)]
        for row in roster_rows(population)
    ]
    report = import_roster(engine, write_xlsx(tmp_path / "roster.xlsx", rows), ward=ward)
    assert report.imported and report.errors == []
    assert _counts(engine, ward) == _expected(population)


def _bad_id(rows: list[list[str]]) -> tuple[int, str, str]:
    row = _first(rows, "resident") + 1
    _set(rows, row, "id_number", "003090012345")
    return row, "id_number", "id_number.province"


def _bad_date(rows: list[list[str]]) -> tuple[int, str, str]:
    row = _first(rows, "licence")
    _set(rows, row, "issue_date", "2021-02-30")
    return row, "issue_date", "date.format"


def _duplicate_id(rows: list[list[str]]) -> tuple[int, str, str]:
    first = _first(rows, "resident")
    rows.insert(4, list(rows[first - 2]))  # a copy becomes row 6
    return 6, "id_number", "duplicate_id_number"


def _mismatched_birth(rows: list[list[str]]) -> tuple[int, str, str]:
    row = _first(rows, "resident")
    birth = rows[row - 2][HEADER.index("birth_date")]
    _set(rows, row, "birth_date", f"{int(birth[:4]) - 1}{birth[4:8]}01")
    return row, "birth_date", "id_number.birth_year_mismatch"


def _field_count(rows: list[list[str]]) -> tuple[int, str, str]:
    rows[7] = [*rows[7], "x"]
    return 9, f"#{len(HEADER) + 1}", "field_count"


@pytest.mark.parametrize(
    "spoil", [_bad_id, _bad_date, _duplicate_id, _mismatched_birth, _field_count]
)
def test_a_bad_row_is_listed_and_nothing_changes(
    engine: Engine,
    database_url: str,
    ward: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    spoil: object,
) -> None:
    rows = roster_rows(_population(ward))
    assert callable(spoil)
    row, column, reason = spoil(rows)
    file = write_csv(tmp_path / "roster.csv", rows)

    assert main(["import-roster", str(file), "--ward", ward, "--database-url", database_url]) == 1
    err = capsys.readouterr().err
    assert f"row {row}, column {column}: {reason}" in err
    assert "nothing imported" in err
    assert _counts(engine, ward) == (0, 0, 0, 0)
    assert _clock(engine, ward) == 0
    personal = [rows[row - 2][HEADER.index(name)] for name in ("id_number", "full_name", "phone")]
    assert not any(value and value in err for value in personal)  # no personal data echoed


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            [*HEADER[:5], "ho_ten", *HEADER[6:]],
            [("ho_ten", "unknown_column"), ("full_name", "missing_column")],
        ),
        ([*HEADER, "record"], [("record", "duplicate_column")]),
        ([n for n in HEADER if n != "birth_date"], [("birth_date", "missing_column")]),
    ],
)
def test_a_wrong_header_is_listed_and_nothing_changes(
    engine: Engine, ward: str, tmp_path: Path, header: list[str], expected: list[tuple[str, str]]
) -> None:
    rows = [row[: len(header)] for row in roster_rows(_population(ward))]
    report = import_roster(engine, write_csv(tmp_path / "roster.csv", rows, header), ward=ward)
    assert not report.imported
    assert [(e.row, e.column, e.reason) for e in report.errors] == [(1, *e) for e in expected]
    assert _counts(engine, ward) == (0, 0, 0, 0)


def test_skip_bad_imports_the_good_rows(engine: Engine, ward: str, tmp_path: Path) -> None:
    population = _population(ward)
    rows = roster_rows(population)
    owner = next(v["resident_id_number"] for v in population.vehicles)
    row = next(n for n, r in enumerate(rows, start=2) if r[0] == "resident" and r[1] == owner)
    _set(rows, row, "full_name", "Nguyễn 2")  # a bad resident row: their records cannot go in
    bad_date = _bad_date(rows)[0]
    file = write_csv(tmp_path / "roster.csv", rows)

    refused = import_roster(engine, file, ward=ward)
    assert not refused.imported and _counts(engine, ward) == (0, 0, 0, 0)
    report = import_roster(engine, file, ward=ward, skip_bad=True)
    assert report.imported
    owned = sum(1 for r in rows if r[0] != "resident" and r[1] == owner)
    assert len(report.bad_rows) == 2 + owned - (rows[bad_date - 2][1] == owner)
    reasons = {(e.column, e.reason) for e in report.errors}
    assert ("full_name", "name.format") in reasons
    assert ("id_number", "resident_row_bad") in reasons
    _, residents, vehicles, licences = _counts(engine, ward)
    assert residents == len(population.residents) - 1
    assert vehicles + licences == len(population.vehicles) + len(population.licences) - (
        owned + (rows[bad_date - 2][1] != owner)
    )


def test_rows_without_a_ward_are_bad(engine: Engine, ward: str, tmp_path: Path) -> None:
    rows = roster_rows(_population(ward))
    report = import_roster(engine, write_csv(tmp_path / "roster.csv", rows))
    assert not report.imported
    assert {(e.column, e.reason) for e in report.errors} == {
        ("ward", "no_ward"),
        ("id_number", "resident_row_bad"),
    }
    _set(rows, 2, "ward", ward)
    report = import_roster(engine, write_csv(tmp_path / "roster.csv", rows), skip_bad=True)
    assert report.imported and report.wards == [ward]


def test_a_100000_row_file_imports(
    engine: Engine,
    database_url: str,
    ward: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    population = _population(ward, residents=37_700, seed=7)
    rows = roster_rows(population)
    assert len(rows) >= BIG_ROWS * 0.99
    file = write_csv(tmp_path / "big.csv", rows)
    assert main(["import-roster", str(file), "--ward", ward, "--database-url", database_url]) == 0
    assert f"{len(rows)} rows, 0 bad skipped" in capsys.readouterr().out
    assert _counts(engine, ward) == _expected(population)
