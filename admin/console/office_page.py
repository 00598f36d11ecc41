"""Office identity: name, address, logo, and the maklumat pelayanan on the display board."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit

from loket.admin.console.parts import Page, button, label, t
from loket.models import settings as office
from loket.models.office import admin_actions


class OfficePage(Page):
    key = "office"
    title_id = "Identitas kantor"
    title_en = "Office identity"

    def build(self) -> None:
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("office_name")
        self.address = QLineEdit()
        self.address.setObjectName("office_address")
        self.logo = QLineEdit()
        self.logo.setObjectName("office_logo")
        self.browse = button("office_logo_browse")
        self.browse.clicked.connect(self.choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(self.browse)
        self.maklumat_id = QPlainTextEdit()
        self.maklumat_id.setObjectName("office_maklumat_id")
        self.maklumat_en = QPlainTextEdit()
        self.maklumat_en.setObjectName("office_maklumat_en")
        for box in (self.maklumat_id, self.maklumat_en):
            box.setMaximumHeight(110)
        self.labels = [label() for _ in range(5)]
        form.addRow(self.labels[0], self.name)
        form.addRow(self.labels[1], self.address)
        form.addRow(self.labels[2], logo_row)
        form.addRow(self.labels[3], self.maklumat_id)
        form.addRow(self.labels[4], self.maklumat_en)
        self.body.addLayout(form)
        self.hint = label("muted")
        self.body.addWidget(self.hint)
        self.save_button = button("office_save", primary=True)
        self.save_button.clicked.connect(self.save)
        self.body.addWidget(self.save_button)
        self.body.addStretch(1)

    def retranslate(self) -> None:
        super().retranslate()
        texts = (
            t("Nama kantor", "Office name"),
            t("Alamat", "Address"),
            t("Logo (berkas gambar)", "Logo (image file)"),
            t("Maklumat pelayanan / teks berjalan", "Service pledge / running text (Indonesian)"),
            t("Teks berjalan (Inggris)", "Running text (English)"),
        )
        for widget, text in zip(self.labels, texts, strict=True):
            widget.setText(text)
        self.browse.setText(t("Pilih…", "Choose…"))
        self.hint.setText(
            t(
                "Kosongkan maklumat untuk memakai maklumat pelayanan baku di papan antrean.",
                "Leave the pledge empty to show the standard maklumat pelayanan on the board.",
            )
        )
        self.save_button.setText(t("Simpan identitas", "Save identity"))

    def refresh(self) -> None:
        settings = self.attempt(office.load_settings)
        if settings is None:
            return
        self.name.setText(settings.office_name)
        self.address.setText(settings.office_address)
        self.logo.setText(settings.office_logo)
        self.maklumat_id.setPlainText(settings.board_running_text)
        self.maklumat_en.setPlainText(settings.board_running_text_en)

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, t("Pilih logo", "Choose a logo"), "", "Images (*.png *.jpg *.jpeg *.svg)"
        )
        if path:
            self.logo.setText(path)

    def save(self) -> None:
        session = self.context.require_session()
        self.attempt(
            lambda: admin_actions.set_office_identity(
                session,
                name=self.name.text(),
                address=self.address.text(),
                logo_path=self.logo.text().strip() or None,
                maklumat_id=self.maklumat_id.toPlainText(),
                maklumat_en=self.maklumat_en.toPlainText(),
                clock=self.context.clock,
            ),
            "Identitas kantor disimpan",
            "Office identity saved",
        )
