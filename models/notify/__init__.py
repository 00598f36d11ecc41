"""Telling visitors by SMS or a WhatsApp/webhook gateway: the outbox (queued in the event's
transaction), numbers, templates, retention and the read side; delivery is in sender.py."""
