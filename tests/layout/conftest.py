"""The layout check's database: the seeded office, built once and copied for every case.

Seeding hashes seven PINs and passwords with scrypt (half a second); the layout suite runs
about a hundred cases, so each gets a copy of one seeded SQLite file instead. The copy is
then opened exactly as the shared ``db`` fixture opens a database.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.stubs import FakeClock
from layout.seed import seed_office


@pytest.fixture(scope="session")
def seeded_office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from loket.models.db import open_database
    from loket.models.queue.estimates import clear_cache
    from loket.models.schema import migrate

    folder = tmp_path_factory.mktemp("seeded-office")
    path = folder / "loket.db"
    saved = os.environ.get("LOKET_DATA_DIR")
    os.environ["LOKET_DATA_DIR"] = str(folder / "data")
    try:
        clear_cache()
        database = open_database(f"sqlite:///{path}")
        migrate()
        seed_office(FakeClock())
        database.close()
    finally:
        clear_cache()
        if saved is None:
            os.environ.pop("LOKET_DATA_DIR", None)
        else:
            os.environ["LOKET_DATA_DIR"] = saved
    return path


@pytest.fixture
def office_db(
    seeded_office_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """An open SQLite database holding ``seed.seed_office`` on the FakeClock's Monday 08:00."""
    from loket.models.db import open_database
    from loket.models.queue.estimates import clear_cache
    from loket.models.schema import migrate

    path = tmp_path / "loket.db"
    shutil.copyfile(seeded_office_file, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "data"))
    clear_cache()
    database = open_database(url)
    migrate()
    try:
        yield url
    finally:
        database.close()
        clear_cache()
