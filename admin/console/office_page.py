"""Office identity: name, address, logo, and the maklumat pelayanan on the display board."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit

from loket.admin.console.parts import Page, button, form_layout, label
from loket.models import settings as office
from loket.models.office import admin_actions


class OfficePage(Page):
    key = "office"
    title_text = QT_TRANSLATE_NOOP("Page", "Identitas kantor")

    def build(self) -> None:
        form = form_layout()
        # Captions above the fields: the office name and address are long, keep them whole.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.name = QLineEdit()
        self.name.setObjectName("office_name")
        self.address = QLineEdit()
        self.address.setObjectName("office_address")
        for field in (self.name, self.address):  # a name longer than the field: on hover
            field.textChanged.connect(field.setToolTip)
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
        self.labels = [label(wrap=False) for _ in range(5)]
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
            self.tr("Nama kantor"),
            self.tr("Alamat"),
            self.tr("Logo (berkas gambar)"),
            self.tr("Maklumat pelayanan / teks berjalan"),
            self.tr("Teks berjalan (Inggris)"),
        )
        for widget, text in zip(self.labels, texts, strict=True):
            widget.setText(text)
        self.browse.setText(self.tr("Pilih…"))
        self.hint.setText(
            self.tr("Kosongkan maklumat untuk memakai maklumat pelayanan baku di papan antrean.")
        )
        self.save_button.setText(self.tr("Simpan identitas"))

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
            self, self.tr("Pilih logo"), "", "Images (*.png *.jpg *.jpeg *.svg)"
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
            self.tr("Identitas kantor disimpan"),
        )
