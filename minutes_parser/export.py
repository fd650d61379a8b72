"""The tables of :func:`minutes_parser.records` written as CSV files, Parquet files or a SQLite database.

The command line's ``--format csv|parquet|sqlite`` calls these. SQLite needs
nothing beyond the standard library: every table gets its ``id`` as primary
key and foreign keys to its parents, and full-text indexes (FTS5, in the form
Datasette and ``sqlite-utils`` recognise) cover resolution and recommendation
text and items' titles, summaries and minutes. Writing to an existing database
adds the new pages: a row whose id is already there fills its empty columns
and is not duplicated.

>>> import sqlite3, tempfile, os
>>> import minutes_parser
>>> doc = minutes_parser.parse(b"Agenda item\\n\\nBudget\\n\\nRESOLVED that the budget be approved.\\n")
>>> path = os.path.join(tempfile.mkdtemp(), "minutes.db")
>>> write_sqlite(minutes_parser.records([doc]), path)
>>> sqlite3.connect(path).execute(
...     "SELECT text FROM resolutions WHERE rowid IN (SELECT rowid FROM resolutions_fts WHERE resolutions_fts MATCH 'budget')"
... ).fetchall()
[('that the budget be approved.',)]
"""

from __future__ import annotations

import contextlib
import csv
import importlib
import os
import sqlite3
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .tables import TABLES, Column, Row, to_dataframes

FTS: dict[str, tuple[str, ...]] = {
    "resolutions": ("text",),
    "recommendations": ("text",),
    "items": ("title", "summary", "minutes"),
}
"""Tables with a full-text index (``<table>_fts``) and the columns it covers."""
_SQL_TYPES = {"text": "TEXT", "date": "TEXT", "category": "TEXT", "int": "INTEGER", "bool": "INTEGER", "float": "REAL"}
PARQUET_MISSING = "--format parquet needs pyarrow: pip install 'minutes-parser[parquet]'"
"""The ImportError message when the parquet extra is not installed."""

Tables = Mapping[str, list[Row]]


def _replace_atomically(target: Path, write: Any) -> None:
    """Write through ``write(temp_path)`` next to ``target``, then rename over it."""
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        write(temp)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_csv(tables: Tables, folder: str | os.PathLike[str]) -> list[Path]:
    """One ``<table>.csv`` per table in ``folder`` (created if needed); returns the files written.

    Columns as :data:`minutes_parser.tables.TABLES`; None is an empty cell,
    booleans ``true``/``false``. Each file is replaced whole.

    >>> import tempfile, minutes_parser
    >>> doc = minutes_parser.parse(b"Agenda item\\n\\nBudget\\n\\nRESOLVED that it be noted.\\n")
    >>> [p.name for p in write_csv(minutes_parser.records([doc]), tempfile.mkdtemp())][:3]
    ['pages.csv', 'meetings.csv', 'items.csv']
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, columns in TABLES.items():
        target = out / f"{name}.csv"

        def write(path: str, name: str = name, columns: tuple[Column, ...] = columns) -> None:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow([c.name for c in columns])
                for row in tables.get(name, []):
                    writer.writerow([_cell(row.get(c.name)) for c in columns])

        _replace_atomically(target, write)
        written.append(target)
    return written


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_parquet(tables: Tables, folder: str | os.PathLike[str]) -> list[Path]:
    """One ``<table>.parquet`` per table in ``folder`` (needs ``pip install 'minutes-parser[parquet]'``).

    Types as :func:`minutes_parser.to_dataframes` (dates as timestamps,
    vocabularies as dictionary-encoded categories).

    >>> import tempfile, minutes_parser
    >>> doc = minutes_parser.parse(b"Agenda item\\n\\nBudget\\n\\nRESOLVED that it be noted.\\n")
    >>> [p.name for p in write_parquet(minutes_parser.records([doc]), tempfile.mkdtemp())][-1]
    'declarations.parquet'
    """
    try:
        pa: Any = importlib.import_module("pyarrow")
        pq: Any = importlib.import_module("pyarrow.parquet")
    except ImportError as exc:
        raise ImportError(PARQUET_MISSING) from exc
    frames = to_dataframes(tables)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        target = out / f"{name}.parquet"
        table = pa.Table.from_pandas(frame, preserve_index=False)
        _replace_atomically(target, lambda path, table=table: pq.write_table(table, path))
        written.append(target)
    return written


def _ddl(name: str, columns: tuple[Column, ...]) -> str:
    parts = []
    for column in columns:
        kind = _SQL_TYPES[column.kind]
        extra = " PRIMARY KEY" if column.name == "id" else ""
        parts.append(f'"{column.name}" {kind}{extra}')
    for column in columns:
        if column.references:
            parts.append(f'FOREIGN KEY ("{column.name}") REFERENCES "{column.references}"(id)')
    return f'CREATE TABLE IF NOT EXISTS "{name}" (\n  ' + ",\n  ".join(parts) + "\n)"


def _fts_ddl(table: str, columns: tuple[str, ...]) -> list[str]:
    cols = ", ".join(f'"{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    fts = f"{table}_fts"
    return [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}" USING fts5({cols}, content="{table}")',
        f'CREATE TRIGGER IF NOT EXISTS "{table}_ai" AFTER INSERT ON "{table}" BEGIN'
        f' INSERT INTO "{fts}"(rowid, {cols}) VALUES (new.rowid, {new}); END',
        f'CREATE TRIGGER IF NOT EXISTS "{table}_ad" AFTER DELETE ON "{table}" BEGIN'
        f' INSERT INTO "{fts}"("{fts}", rowid, {cols}) VALUES (\'delete\', old.rowid, {old}); END',
        f'CREATE TRIGGER IF NOT EXISTS "{table}_au" AFTER UPDATE ON "{table}" BEGIN'
        f' INSERT INTO "{fts}"("{fts}", rowid, {cols}) VALUES (\'delete\', old.rowid, {old});'
        f' INSERT INTO "{fts}"(rowid, {cols}) VALUES (new.rowid, {new}); END',
    ]


def _sql_value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def write_sqlite(tables: Tables, path: str | os.PathLike[str]) -> None:
    """Create or add to the SQLite database at ``path``: tables, keys and full-text indexes.

    Rows are upserted by ``id``: a row already present keeps its values and
    gets its empty columns filled, so a second run over the same or more pages
    adds the new rows and duplicates none. Everything is written in one
    transaction: a failed run leaves the database as it was. Foreign keys are
    declared (``PRAGMA foreign_keys = ON`` to enforce them when you write).
    """
    db = sqlite3.connect(os.fspath(path))
    try:
        with db:
            db.execute("PRAGMA foreign_keys = ON")
            for name, columns in TABLES.items():
                db.execute(_ddl(name, columns))
            for name, indexed in FTS.items():
                for statement in _fts_ddl(name, indexed):
                    db.execute(statement)
            for name, columns in TABLES.items():
                names = [c.name for c in columns]
                quoted = ", ".join(f'"{n}"' for n in names)
                marks = ", ".join("?" for _ in names)
                fill = ", ".join(f'"{n}" = coalesce("{name}"."{n}", excluded."{n}")' for n in names if n != "id")
                sql = f'INSERT INTO "{name}" ({quoted}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {fill}'
                db.executemany(sql, ([_sql_value(row.get(n)) for n in names] for row in tables.get(name, [])))
    finally:
        db.close()
