"""Shared Qt infrastructure for every Loket window: app, theme, language, feed, lockdown."""
