"""Signing keys: which key signs receipts, rotating it, exporting the public keys as PEM."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit

from loket.admin.console.parts import Page, button, fill_table, label, set_headers, table
from loket.models import settings as office
from loket.models.integrity import signing
from loket.models.office import admin_actions


class KeysPage(Page):
    key = "keys"
    title_text = QT_TRANSLATE_NOOP("Page", "Kunci tanda tangan")

    def build(self) -> None:
        self.hint = label("muted")
        self.body.addWidget(self.hint)
        self.list = table("keys_table", 5)
        self.body.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.rotate_button = button("key_rotate")
        self.export_button = button("key_export", primary=True)
        self.rotate_button.clicked.connect(self.rotate)
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.rotate_button)
        row.addWidget(self.export_button)
        self.body.addLayout(row)
        self.pem = QPlainTextEdit()
        self.pem.setObjectName("key_pem")
        self.pem.setReadOnly(True)
        self.body.addWidget(self.pem, 1)
        self.exported_to: str | None = None

    def retranslate(self) -> None:
        super().retranslate()
        self.hint.setText(
            self.tr(
                "Tanda terima ditandatangani Ed25519. Kunci yang dipensiunkan tetap dapat "
                "memverifikasi tanda terima lama."
            )
        )
        set_headers(
            self.list,
            [
                self.tr("ID kunci"),
                self.tr("Label"),
                self.tr("Dibuat"),
                self.tr("Dipensiunkan"),
                self.tr("Kunci privat di PC ini"),
            ],
        )
        self.rotate_button.setText(self.tr("Ganti kunci"))
        self.export_button.setText(self.tr("Ekspor kunci publik (PEM)"))

    def refresh(self) -> None:
        data = self.attempt(lambda: (signing.list_keys(), office.load_settings().zone))
        if data is None:
            return
        keys, zone = data
        yes, no = self.tr("ya"), self.tr("tidak")
        fill_table(
            self.list,
            [
                (
                    k.kid,
                    k.label,
                    f"{k.created_at.astimezone(zone):%Y-%m-%d %H:%M}",
                    f"{k.retired_at.astimezone(zone):%Y-%m-%d %H:%M}" if k.retired_at else "–",
                    yes if k.private_key_here else no,
                )
                for k in keys
            ],
        )

    def rotate(self) -> None:
        session = self.context.require_session()
        if not self.context.dialogs.confirm(
            self.tr("Ganti kunci"),
            self.tr("Buat kunci baru dan pensiunkan kunci PC ini? Tanda terima lama tetap sah."),
        ):
            return
        rotation = self.attempt(lambda: admin_actions.rotate_key(session, clock=self.context.clock))
        if rotation is not None:
            self.show_ok(self.tr("Kunci baru {kid} dipakai").format(kid=rotation.new.kid))
            self.refresh()

    def export(self) -> None:
        session = self.context.require_session()
        pem = self.attempt(
            lambda: admin_actions.export_public_keys(session, clock=self.context.clock)
        )
        if pem is None:
            return
        self.pem.setPlainText(pem)
        path = self.context.choose_save_path(
            self.tr("Simpan kunci publik"), "kunci-publik-kantor.pem", self.tr("Kunci PEM (*.pem)")
        )
        if path is None:
            self.show_ok(self.tr("Ekspor dibatalkan"))
            return
        path.write_text(pem, encoding="ascii")
        self.exported_to = str(path)
        self.show_ok(self.tr("Kunci publik disimpan di {path}").format(path=path))
