"""python-escpos, loaded once per process without its slow, littering start.

On import, ``escpos.capabilities`` parses its 96 KB printer database with PyYAML
(~0.25 s) and pickles it into a folder from ``tempfile.mkdtemp()`` — a new folder in
``/tmp`` for every process, never removed (the default argument of its
``environ.get`` is evaluated even when ``ESCPOS_CAPABILITIES_PICKLE_DIR`` is set). It
also calls ``logging.basicConfig()``, which sends every later warning to stderr.

:func:`load` avoids all three: the database is read with ``json`` (it is JSON) and
pickled *atomically* into Loket's cache folder (``<data folder>/cache``, set by
:func:`use_cache_folder`); escpos then finds that pickle and only loads it. No
temporary folder is made, and logging is left as the program configured it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import logging
import os
import pickle
import platform
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

ENV_PICKLE_DIR = "ESCPOS_CAPABILITIES_PICKLE_DIR"
ENV_CAPABILITIES = "ESCPOS_CAPABILITIES_FILE"
_MODULE = "escpos.capabilities"

_lock = threading.Lock()
_cache_folder: Callable[[], Path] | None = None


def use_cache_folder(folder: Path | Callable[[], Path]) -> None:
    """Where the capabilities pickle lives; a callable is asked only when escpos loads."""
    global _cache_folder
    _cache_folder = folder if callable(folder) else (lambda: folder)


def _default_cache_folder() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("loket", appauthor=False))


def capabilities_file() -> Path:
    """escpos's own capabilities.json (or the file its environment variable names)."""
    given = os.environ.get(ENV_CAPABILITIES)
    if given:
        return Path(given)
    spec = importlib.util.find_spec("escpos")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("python-escpos is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "capabilities.json"


def pickle_path(folder: Path) -> Path:
    """The file name escpos looks for in its pickle folder."""
    return folder / f"{platform.python_version()}.capabilities.pickle"


def prepare_pickle(folder: Path) -> Path:
    """Write the capabilities pickle into ``folder`` unless a fresh one is there; written
    to a private name, then renamed, so another process never reads half a file."""
    source, target = capabilities_file(), pickle_path(folder)
    with contextlib.suppress(OSError):
        if target.stat().st_mtime >= source.stat().st_mtime:
            return target
    folder.mkdir(parents=True, exist_ok=True)
    data = json.loads(source.read_text(encoding="utf-8"))
    handle, temp = tempfile.mkstemp(prefix=".capabilities-", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return target


@contextlib.contextmanager
def _mkdtemp_answers(folder: str) -> Iterator[None]:
    """While escpos.capabilities is imported, its ``mkdtemp()`` returns ``folder``; every
    other caller (another thread, say) still gets a real temporary folder."""
    real = tempfile.mkdtemp

    def mkdtemp(*args: object, **kwargs: object) -> str:
        if sys._getframe(1).f_globals.get("__name__") == _MODULE:
            return folder
        return real(*args, **kwargs)  # type: ignore[call-overload]

    tempfile.mkdtemp = mkdtemp  # type: ignore[assignment]
    try:
        yield
    finally:
        tempfile.mkdtemp = real


@contextlib.contextmanager
def _no_basic_config() -> Iterator[None]:
    """escpos calls ``logging.basicConfig()`` on import; a handler in place makes it a no-op."""
    root = logging.getLogger()
    placeholder = None if root.handlers else logging.NullHandler()
    if placeholder is not None:
        root.addHandler(placeholder)
    try:
        yield
    finally:
        if placeholder is not None:
            root.removeHandler(placeholder)


def _import_into(folder: Path) -> None:
    """Import escpos.capabilities with ``folder`` as its pickle folder (the environment
    variable is put back afterwards, so child processes find their own data folder)."""
    saved = os.environ.get(ENV_PICKLE_DIR)
    os.environ[ENV_PICKLE_DIR] = str(folder)
    try:
        with _mkdtemp_answers(str(folder)), _no_basic_config():
            import escpos.capabilities  # noqa: F401
    finally:
        if saved is None:
            os.environ.pop(ENV_PICKLE_DIR, None)
        else:
            os.environ[ENV_PICKLE_DIR] = saved


def load() -> None:
    """Import python-escpos's capabilities the fast way; later calls cost nothing."""
    if _MODULE in sys.modules:
        return
    with _lock:
        if _MODULE in sys.modules:
            return
        folder = Path(os.environ.get(ENV_PICKLE_DIR) or (_cache_folder or _default_cache_folder)())
        try:
            prepare_pickle(folder)
        except OSError:
            # A cache that cannot be written (read-only data folder): escpos parses its
            # database itself, into a temporary folder removed right after.
            with tempfile.TemporaryDirectory(prefix="loket-escpos-") as scratch:
                _import_into(Path(scratch))
            return
        _import_into(folder)
