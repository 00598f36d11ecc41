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
        options = f"-p {self.port} -k {sock} -c listen_addresses=127.0.0.1 -c max_connections=200"
        if not self.durable:  # tests need speed, benchmarks need the real thing
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        started = self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )
        if started.returncode != 0:
            log = (self.root / "server.log").read_text(errors="replace")[-2000:]
            raise PostgresUnavailable(f"pg_ctl start failed: {started.stderr.strip()}\n{log}")

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


def start_server(durable: bool = False) -> PostgresServer:
    as_root = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="loket-pg-"))
    os.chmod(root, 0o755)
    server = PostgresServer(
        root=root, port=_free_port(), bindir=_bindir(), as_postgres_user=as_root, durable=durable
    )
    server.start()
    return server
