"""Signing keys: the office root this PC trusts, which key signs receipts and whether
each is certified by the root, certifying a new PC's key, rotating this PC's key,
exporting the public keys as PEM."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit

from loket.admin.console.parts import (
    Page,
    button,
    fill_table,
    label,
    select_row,
    selected_key,
    set_headers,
    table,
)
from loket.models import settings as office
from loket.models.office import admin_actions, key_actions


class KeysPage(Page):
    key = "keys"
    title_text = QT_TRANSLATE_NOOP("Page", "Kunci tanda tangan")

    def build(self) -> None:
        self.hint = label("muted")
        self.body.addWidget(self.hint)
        self.root_line = label(name="root_fingerprint")
        self.root_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.root_line)
        self.list = table("keys_table", 6)
        self.list.itemSelectionChanged.connect(self._enable)
        self.body.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.certify_button = button("key_certify")
        self.rotate_button = button("key_rotate")
        self.export_button = button("key_export", primary=True)
        self.certify_button.clicked.connect(self.certify)
        self.rotate_button.clicked.connect(self.rotate)
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.certify_button)
        row.addWidget(self.rotate_button)
        row.addWidget(self.export_button)
        self.body.addLayout(row)
        self.pem = QPlainTextEdit()
        self.pem.setObjectName("key_pem")
        self.pem.setReadOnly(True)
        self.body.addWidget(self.pem, 1)
        self.exported_to: str | None = None
        self.overview: key_actions.TrustOverview | None = None
        self._enable()

    def retranslate(self) -> None:
        super().retranslate()
        self.hint.setText(
            self.tr(
                "Tanda terima ditandatangani Ed25519. Kunci yang dipensiunkan tetap dapat "
                "memverifikasi tanda terima lama. Hanya kunci yang disahkan kunci akar kantor "
                "yang dipercaya."
            )
        )
        set_headers(
            self.list,
            [
                self.tr("ID kunci"),
                self.tr("Label"),
                self.tr("Pengesahan"),
                self.tr("Di PC ini"),
                self.tr("Dibuat"),
                self.tr("Dipensiunkan"),
            ],
        )
        self.certify_button.setText(self.tr("Sahkan"))
        self.rotate_button.setText(self.tr("Ganti kunci"))
        self.export_button.setText(self.tr("Ekspor kunci publik (PEM)"))

    def _root_text(self) -> str:
        seen = self.overview
        if seen is None:
            return ""
        if seen.root_display is None:
            return self.tr(
                "PC ini belum mempercayai kunci akar kantor: jalankan 'loket init --trust SIDIK'."
            )
        where = self.tr(" (ada di PC ini)") if seen.root_here else ""
        return self.tr("Kunci akar kantor: {fingerprint}{here}").format(
            fingerprint=seen.root_display, here=where
        )

    def _state(self, certificate: str) -> str:
        return {
            "certified": self.tr("disahkan"),
            "foreign": self.tr("asing"),
        }.get(certificate, self.tr("belum"))

    def refresh(self) -> None:
        data = self.attempt(lambda: (key_actions.overview(), office.load_settings().zone))
        if data is None:
            return
        self.overview, zone = data
        chosen = selected_key(self.list)
        yes, no, now = self.tr("ya"), self.tr("tidak"), self.tr("menandatangani sekarang")
        fill_table(
            self.list,
            [
                (
                    k.kid,
                    k.label,
                    self._state(k.certificate),
                    now if k.signing_now else yes if k.private_key_here else no,
                    f"{k.created_at.astimezone(zone):%Y-%m-%d %H:%M}",
                    f"{k.retired_at.astimezone(zone):%Y-%m-%d %H:%M}" if k.retired_at else "–",
                )
                for k in self.overview.keys
            ],
        )
        if chosen is not None:
            select_row(self.list, chosen)
        self.root_line.setText(self._root_text())
        self._enable()

    def _chosen_uncertified(self) -> str | None:
        kid = selected_key(self.list)
        seen = self.overview
        if kid is None or seen is None or not seen.root_here:
            return None
        key = next((k for k in seen.keys if k.kid == kid), None)
        return kid if key is not None and key.certificate == "uncertified" else None

    def _enable(self) -> None:
        self.certify_button.setEnabled(self._chosen_uncertified() is not None)
        seen = self.overview
        self.certify_button.setVisible(seen is None or seen.root_here)

    def certify(self) -> None:
        kid = self._chosen_uncertified()
        if kid is None:
            return
        session = self.context.require_session()
        if not self.context.dialogs.confirm(
            self.tr("Sahkan kunci"),
            self.tr(
                "Sahkan kunci {kid}? Cocokkan ID kunci ini dengan yang tampil di PC pembuatnya "
                "('loket keys new'). Kunci yang disahkan dipercaya semua PC kantor."
            ).format(kid=kid),
        ):
            return
        key = self.attempt(lambda: key_actions.certify_key(session, kid, clock=self.context.clock))
        if key is not None:
            self.show_ok(self.tr("Kunci {kid} disahkan").format(kid=key.kid))
            self.refresh()

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
