"""The migration files build exactly the schema the peewee models describe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from peewee import Database
from playhouse.schema_diff import diff_models

from loket.models.db import database, is_sqlite, make_database
from loket.models.tables import ALL_TABLES


def test_migrated_database_matches_the_models(db):
    diff = diff_models(database.obj, ALL_TABLES)
    assert not diff, f"migrations and models disagree:\n{diff}"


def _shape(target: Database) -> dict[str, object]:
    """Columns (type, nullability, primary key), foreign keys and indexes of every table."""
    shape: dict[str, object] = {}
    for model in ALL_TABLES:
        table = model._meta.table_name
        columns = sorted(
            (c.name, c.data_type.lower(), c.null, c.primary_key) for c in target.get_columns(table)
        )
        keys = sorted(
            (f.column, f.dest_table, f.dest_column, f.on_delete or "")
            for f in target.get_foreign_keys(table)
        )
        indexes = sorted(
            (tuple(i.columns), bool(i.unique))
            for i in target.get_indexes(table)
            if not i.name.endswith("_pkey")
        )
        shape[table] = {"columns": columns, "foreign_keys": keys, "indexes": indexes}
    return shape


@pytest.fixture
def reference_db(db: str, tmp_path: Path) -> Iterator[Database]:
    """An empty database of the same kind built straight from the models."""
    from loket.models.config import parse_url

    if is_sqlite():
        url = f"sqlite:///{tmp_path / 'reference.db'}"
    else:
        import psycopg

        parts = urlsplit(db)
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as c:
            c.execute('DROP DATABASE IF EXISTS "loket_schema_reference"')
            c.execute('CREATE DATABASE "loket_schema_reference"')
        url = urlunsplit(parts._replace(path="/loket_schema_reference"))
    reference = make_database(parse_url(url))
    reference.connect()
    with reference.bind_ctx(ALL_TABLES):
        reference.create_tables(ALL_TABLES)
    try:
        yield reference
    finally:
        reference.close()


def test_column_types_nullability_keys_and_indexes_match(db, reference_db):
    migrated = _shape(database.obj)
    expected = _shape(reference_db)
    for table in expected:
        assert migrated[table] == expected[table], table
