"""Start a private PostgreSQL server for the test run (never skip: fail loudly)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def _bindir() -> Path:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise PostgresUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl) not found: install postgresql "
        "(apt-get install postgresql) — the test run needs a real server"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PostgresServer:
    root: Path
    port: int
    bindir: Path
    as_postgres_user: bool
    durable: bool = False
    max_connections: int = 200

    @property
    def base_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}"

    def url(self, database: str) -> str:
        return f"{self.base_url}/{database}"

    def _run(self, *cmd: str) -> subprocess.CompletedProcess[str]:
        full = list(cmd)
        if self.as_postgres_user:
            full = ["runuser", "-u", "postgres", "--", *full]
        return subprocess.run(full, capture_output=True, text=True, timeout=120, check=False)

    def start(self) -> None:
        data = self.root / "data"
        sock = self.root / "sock"
        sock.mkdir()
        if self.as_postgres_user:
            shutil.chown(self.root, "postgres")
            shutil.chown(sock, "postgres")
        init = self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        if init.returncode != 0:
            raise PostgresUnavailable(
                f"initdb failed: {init.stderr.strip() or init.stdout.strip()}"
            )
        self.start_up()

    def _options(self) -> str:
        options = (
            f"-p {self.port} -k {self.root / 'sock'} -c listen_addresses=127.0.0.1 "
            f"-c max_connections={self.max_connections}"
        )
        if not self.durable:  # tests need speed, benchmarks need the real thing
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        return options

    def _pg_ctl(self, action: str, *extra: str) -> None:
        done = self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.root / "data"),
            *extra,
            "-w",
            "-t",
            "60",
            action,
        )
        if done.returncode != 0:
            log = (self.root / "server.log").read_text(errors="replace")[-2000:]
            raise PostgresUnavailable(f"pg_ctl {action} failed: {done.stderr.strip()}\n{log}")

    def start_up(self) -> None:
        """Start the (initialised, stopped) server and wait until it accepts connections."""
        self._pg_ctl("start", "-o", self._options(), "-l", str(self.root / "server.log"))

    def shut_down(self, mode: str = "fast") -> None:
        """Stop the server (``fast``: sessions are ended cleanly; ``immediate``: a crash,
        recovery at the next start) and keep its data for :meth:`start_up`."""
        self._pg_ctl("stop", "-m", mode)

    def restart(self, mode: str = "fast") -> None:
        """``pg_ctl restart -m mode``: every session is dropped; returns once the server
        accepts connections again."""
        self._pg_ctl(
            "restart", "-m", mode, "-o", self._options(), "-l", str(self.root / "server.log")
        )

    def terminate_backends(self, database: str | None = None) -> int:
        """``pg_terminate_backend`` every client session (of ``database`` if given) but the
        one asking; returns how many were ended."""
        import psycopg

        sql = (
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )
        params: tuple[str, ...] = ()
        if database is not None:
            sql += " AND datname = %s"
            params = (database,)
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            row = conn.execute(sql, params).fetchone()
        return int(row[0]) if row else 0

    def connections(self, database: str, application: str | None = None) -> int:
        """How many client sessions are open on ``database`` (of ``application_name``)."""
        import psycopg

        sql = (
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
            "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )
        params: tuple[str, ...] = (database,)
        if application is not None:
            sql += " AND application_name = %s"
            params = (database, application)
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            row = conn.execute(sql, params).fetchone()
        return int(row[0]) if row else 0

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.root / "data"),
            "-m",
            "immediate",
            "-w",
            "stop",
        )
        shutil.rmtree(self.root, ignore_errors=True)


def start_server(durable: bool = False, max_connections: int = 200) -> PostgresServer:
    """A new private server; tests that restart or stop a server start their own with this
    (the session's shared one serves every other test)."""
    as_root = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="loket-pg-"))
    os.chmod(root, 0o755)
    server = PostgresServer(
        root=root,
        port=_free_port(),
        bindir=_bindir(),
        as_postgres_user=as_root,
        durable=durable,
        max_connections=max_connections,
    )
    server.start()
    return server
