"""Office identity: name, address, logo, and the maklumat pelayanan on the display board;
and the working days the office promises for a document handed in (printed on receipts),
office-wide and per recipient unit; and how many digits a new PIN needs."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)

from loket.admin.console.parts import Page, button, form_layout, label
from loket.kiosk.shell.i18n import current_language
from loket.models import settings as office
from loket.models.office import admin_actions, pin_policy


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
        self._build_completion()
        self._build_pins()
        self.body.addStretch(1)

    def _build_completion(self) -> None:
        self.completion_heading = label("title")
        self.body.addWidget(self.completion_heading)
        form = form_layout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.completion_days = QSpinBox()
        self.completion_days.setObjectName("office_completion_days")
        self.completion_days.setRange(0, office.MAX_COMPLETION_DAYS)
        self.unit_days = QLineEdit()
        self.unit_days.setObjectName("office_unit_days")
        self.unit_days.textChanged.connect(self.unit_days.setToolTip)
        self.completion_labels = [label(wrap=False) for _ in range(2)]
        form.addRow(self.completion_labels[0], self.completion_days)
        form.addRow(self.completion_labels[1], self.unit_days)
        self.body.addLayout(form)
        self.completion_hint = label("muted")
        self.body.addWidget(self.completion_hint)
        self.completion_save = button("office_completion_save")
        self.completion_save.clicked.connect(self.save_completion)
        self.body.addWidget(self.completion_save)

    def _build_pins(self) -> None:
        self.pin_heading = label("title")
        self.body.addWidget(self.pin_heading)
        row = QHBoxLayout()
        self.pin_digits = QSpinBox()
        self.pin_digits.setObjectName("office_pin_digits")
        self.pin_digits.setRange(pin_policy.LOWEST_MIN_DIGITS, pin_policy.MAX_DIGITS)
        row.addWidget(self.pin_digits)
        self.pin_save = button("office_pin_save")
        self.pin_save.clicked.connect(self.save_pins)
        row.addWidget(self.pin_save)
        row.addStretch(1)
        self.body.addLayout(row)
        self.pin_warning = label("muted", name="office_pin_warning")
        self.body.addWidget(self.pin_warning)

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
        self.completion_heading.setText(self.tr("Waktu penyelesaian dokumen"))
        self.completion_labels[0].setText(self.tr("Hari kerja (semua unit)"))
        self.completion_labels[1].setText(self.tr("Hari kerja per unit"))
        self.unit_days.setPlaceholderText("Seksi Pemerintahan=10; Umum=3")
        self.completion_days.setSuffix(" " + self.tr("hari kerja"))
        self.completion_hint.setText(
            self.tr(
                "Dicetak di tanda terima sebagai perkiraan selesai: hari kerja setelah dokumen "
                "diterima, tanpa Sabtu, Minggu dan hari libur kantor. Angka per unit "
                "menggantikan angka semua unit; petugas penerima dapat menentukan sendiri."
            )
        )
        self.completion_save.setText(self.tr("Simpan waktu penyelesaian"))
        self.pin_heading.setText(self.tr("PIN petugas baru: jumlah angka minimal"))
        self.pin_digits.setSuffix(" " + self.tr("angka"))
        self.pin_save.setText(self.tr("Simpan minimal PIN"))

    def refresh(self) -> None:
        settings = self.attempt(office.load_settings)
        if settings is None:
            return
        self.name.setText(settings.office_name)
        self.address.setText(settings.office_address)
        self.logo.setText(settings.office_logo)
        self.maklumat_id.setPlainText(settings.board_running_text)
        self.maklumat_en.setPlainText(settings.board_running_text_en)
        self.completion_days.setValue(settings.completion_working_days)
        self.unit_days.setText(settings.completion_days_by_unit)
        self.pin_digits.setValue(settings.pin_min_digits)
        self._show_pin_rule(pin_policy.short_pin_warning(settings.pin_min_digits))

    def _show_pin_rule(self, warning: tuple[str, str] | None) -> None:
        english = current_language() == "en"
        self.pin_warning.setText("" if warning is None else warning[1 if english else 0])
        self.pin_warning.setVisible(warning is not None)

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

    def save_completion(self) -> None:
        """Both figures through one audited change; a refused unit list saves nothing."""
        session = self.context.require_session()
        days, units = self.completion_days.value(), self.unit_days.text()
        self.change(
            lambda: admin_actions.set_service_standards(
                session,
                completion_working_days=days,
                completion_days_by_unit=units,
                clock=self.context.clock,
            ),
            self.tr("Waktu penyelesaian disimpan"),
        )

    def save_pins(self) -> None:
        """Existing PINs keep working; below 6 digits the page says what that risks."""
        session = self.context.require_session()
        digits = self.pin_digits.value()
        rule = self.change(
            lambda: pin_policy.set_pin_min_digits(session, digits, self.context.clock),
            self.tr("Minimal PIN disimpan"),
        )
        if isinstance(rule, pin_policy.PinRule):
            warning = (rule.warning_id, rule.warning_en) if rule.warning_id else None
            self._show_pin_rule(warning)
