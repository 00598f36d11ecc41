"""Loket's domain: tables, migrations, use-case services and the `loket` CLI (no Qt here)."""
