"""The webhook channel: a WhatsApp (or any) gateway that takes a signed JSON POST.

Body (UTF-8 JSON): ``{"id", "to", "text", "kind", "reference", "language"}`` with ``to``
in E.164 ("+62…"). Header ``X-Loket-Signature: sha256=<hex>``, the HMAC-SHA256 of the
exact body bytes with ``notify_webhook_secret``: the gateway recomputes it over the bytes
it received and drops the request when they differ. ``id`` is the message's id and stays
the same on every retry, so a gateway can drop a repeat of one it already sent.

A 2xx answer is sent. 408, 429 and 5xx, a timeout or a refused connection are tried
again later; any other answer (a 4xx, a redirect) will not change by itself and fails
the message at once. Only the configured address is contacted; redirects are not
followed (a POST turned into a GET would look delivered).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import ssl
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from loket.models.errors import ConfigurationError, one_line
from loket.models.notify.channels import DeliveryFailed, Outgoing
from loket.models.settings import OfficeSettings

TIMEOUT_SECONDS = 10.0
SIGNATURE_HEADER = "X-Loket-Signature"
_RETRY_STATUSES = (408, 429)


def body_bytes(message: Outgoing) -> bytes:
    payload = {
        "id": message.id,
        "to": message.to,
        "text": message.text,
        "kind": message.kind,
        "reference": message.reference,
        "language": message.language,
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def signature(body: bytes, secret: str) -> str:
    """The header's value: ``sha256=`` and the hex HMAC-SHA256 of ``body``."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # the 3xx then surfaces as an HTTPError


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or " " in url.strip():
        shown = url.strip() or "(kosong)"
        shown_en = url.strip() or "(empty)"
        raise ConfigurationError(
            f"notify_webhook_url harus alamat http:// atau https://, bukan '{shown}'",
            f"notify_webhook_url must be an http:// or https:// address, not '{shown_en}'",
        )
    return url.strip()


class WebhookChannel:
    name = "webhook"

    def __init__(self, url: str, secret: str, timeout: float = TIMEOUT_SECONDS) -> None:
        self.url = check_url(url)
        if not secret:
            raise ConfigurationError(
                "notify_webhook_secret kosong: isi rahasia yang sama dengan di gateway",
                "notify_webhook_secret is empty: set the secret the gateway also holds",
            )
        self.secret = secret
        self.timeout = timeout
        self._opener = urllib.request.build_opener(_NoRedirect())

    @classmethod
    def from_settings(cls, settings: OfficeSettings) -> WebhookChannel:
        return cls(settings.notify_webhook_url, settings.notify_webhook_secret)

    def send(self, message: Outgoing) -> None:
        body = body_bytes(message)
        request = urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                SIGNATURE_HEADER: signature(body, self.secret),
                "User-Agent": "Loket-notify/1",
            },
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as answer:
                answer.read(4096)
                status = answer.status
        except urllib.error.HTTPError as exc:
            raise _refused(exc) from None
        except TimeoutError:
            raise _down(
                f"gateway tidak menjawab dalam {self.timeout:g} detik",
                f"the gateway did not answer within {self.timeout:g} s",
            ) from None
        except urllib.error.URLError as exc:
            raise _unreachable(exc.reason) from None
        except (ConnectionError, OSError) as exc:  # a connection reset mid-answer
            raise _unreachable(exc) from None
        if not 200 <= status < 300:
            raise DeliveryFailed(
                f"Gateway menjawab HTTP {status}", f"The gateway answered HTTP {status}"
            )

    def close(self) -> None:
        pass


def _snippet(exc: urllib.error.HTTPError) -> str:
    try:
        text = exc.read(300).decode("utf-8", "replace")
    except Exception:  # the body is only a hint for staff
        return ""
    text = one_line(" ".join(text.split()))[:120]
    return f": {text}" if text else ""


def _refused(exc: urllib.error.HTTPError) -> DeliveryFailed:
    code = exc.code
    detail = _snippet(exc)
    if code >= 500 or code in _RETRY_STATUSES:
        return DeliveryFailed(
            f"Gateway sedang bermasalah (HTTP {code}{detail})",
            f"The gateway has a problem (HTTP {code}{detail})",
        )
    if 300 <= code < 400:
        where = exc.headers.get("Location", "") if exc.headers else ""
        return DeliveryFailed(
            f"Gateway mengalihkan ke alamat lain (HTTP {code} {where}); perbarui "
            "notify_webhook_url",
            f"The gateway redirects elsewhere (HTTP {code} {where}); update notify_webhook_url",
            permanent=True,
        )
    return DeliveryFailed(
        f"Gateway menolak pesan ini (HTTP {code}{detail})",
        f"The gateway refused this message (HTTP {code}{detail})",
        permanent=True,
    )


def _down(why_id: str, why_en: str) -> DeliveryFailed:
    return DeliveryFailed(
        f"Gateway tidak terjangkau: {why_id}",
        f"Gateway unreachable: {why_en}",
        channel_down=True,
    )


def _unreachable(reason: object) -> DeliveryFailed:
    if isinstance(reason, TimeoutError):
        return _down("waktu habis", "timed out")
    if isinstance(reason, ConnectionRefusedError):
        return _down("sambungan ditolak", "connection refused")
    if isinstance(reason, socket.gaierror):
        return _down("nama host tidak dikenal", "unknown host name")
    if isinstance(reason, ssl.SSLCertVerificationError):
        return _down(
            f"sertifikat HTTPS tidak sah ({reason.verify_message})",
            f"invalid HTTPS certificate ({reason.verify_message})",
        )
    text = str(getattr(reason, "strerror", None) or reason) or type(reason).__name__
    return _down(text, text)


__all__ = ["SIGNATURE_HEADER", "WebhookChannel", "body_bytes", "check_url", "signature"]
