"""Staff and roles: accounts, PINs for the counters, passwords for this app, lockouts."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLineEdit

from loket.admin.console.parts import (
    Page,
    button,
    fill_table,
    label,
    select_row,
    selected_key,
    set_headers,
    t,
    table,
)
from loket.models.services import admin_actions, staff
from loket.models.services.staff import StaffInfo

ROLES = (("staff", "petugas", "officer"), ("admin", "admin", "admin"), ("head", "kepala", "head"))


class StaffPage(Page):
    key = "staff"
    title_id = "Petugas dan peran"
    title_en = "Staff and roles"

    def build(self) -> None:
        self.people: dict[str, StaffInfo] = {}
        self.list = table("staff_table", 5)
        self.list.itemSelectionChanged.connect(self.selected)
        self.body.addWidget(self.list, 1)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("staff_username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("staff_full_name")
        self.nip = QLineEdit()
        self.nip.setObjectName("staff_nip")
        self.role = QComboBox()
        self.role.setObjectName("staff_role")
        self.pin = QLineEdit()
        self.pin.setObjectName("staff_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.password = QLineEdit()
        self.password.setObjectName("staff_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.active = QCheckBox()
        self.active.setObjectName("staff_active")
        self.active.setChecked(True)
        self.labels = [label() for _ in range(7)]
        fields = (
            self.username,
            self.full_name,
            self.nip,
            self.role,
            self.pin,
            self.password,
            self.active,
        )
        for caption, field in zip(self.labels, fields, strict=True):
            form.addRow(caption, field)
        self.body.addLayout(form)
        row = QHBoxLayout()
        self.add_button = button("staff_add", primary=True)
        self.save_button = button("staff_save")
        self.disable_button = button("staff_disable")
        self.unlock_button = button("staff_unlock")
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.disable_button.clicked.connect(self.disable)
        self.unlock_button.clicked.connect(self.unlock)
        for widget in (self.add_button, self.save_button, self.disable_button, self.unlock_button):
            row.addWidget(widget)
        self.body.addLayout(row)

    def retranslate(self) -> None:
        super().retranslate()
        set_headers(
            self.list,
            [
                t("Nama pengguna", "Username"),
                t("Nama lengkap", "Full name"),
                "NIP",
                t("Peran", "Role"),
                t("Aktif", "Active"),
            ],
        )
        captions = (
            t("Nama pengguna", "Username"),
            t("Nama lengkap", "Full name"),
            "NIP",
            t("Peran", "Role"),
            t("PIN loket (kosong: tidak diubah)", "Counter PIN (empty: unchanged)"),
            t("Kata sandi admin (kosong: tidak diubah)", "Admin password (empty: unchanged)"),
            t("Aktif", "Active"),
        )
        for widget, text in zip(self.labels, captions, strict=True):
            widget.setText(text)
        current = self.role.currentData()
        self.role.clear()
        for code, name_id, name_en in ROLES:
            self.role.addItem(t(name_id, name_en), code)
        if current:
            self.role.setCurrentIndex(self.role.findData(current))
        self.add_button.setText(t("Tambah petugas", "Add staff"))
        self.save_button.setText(t("Simpan perubahan", "Save changes"))
        self.disable_button.setText(t("Nonaktifkan", "Disable"))
        self.unlock_button.setText(t("Buka kunci masuk", "Unlock login"))

    def refresh(self) -> None:
        people = self.attempt(staff.list_staff)
        if people is None:
            return
        chosen = selected_key(self.list)
        self.people = {p.username: p for p in people}
        names = {code: t(name_id, name_en) for code, name_id, name_en in ROLES}
        yes, no = t("ya", "yes"), t("tidak", "no")
        fill_table(
            self.list,
            [
                (p.username, p.full_name, p.nip, names.get(p.role, p.role),
                 yes if p.active else no)
                for p in people
            ],
        )  # fmt: skip
        if chosen:
            select_row(self.list, chosen)

    def feed_changed(self, topics: set[str]) -> None:
        if "staff" in topics:
            self.refresh()

    def selected(self) -> None:
        info = self.people.get(selected_key(self.list))
        if info is None:
            return
        self.username.setText(info.username)
        self.full_name.setText(info.full_name)
        self.nip.setText(info.nip)
        self.role.setCurrentIndex(self.role.findData(info.role))
        self.active.setChecked(info.active)
        self.pin.clear()
        self.password.clear()

    def add(self) -> None:
        session = self.context.require_session()
        done = self.change(
            lambda: admin_actions.add_staff(
                session,
                self.username.text(),
                self.full_name.text(),
                str(self.role.currentData()),
                self.pin.text(),
                self.password.text() or None,
                self.nip.text(),
                clock=self.context.clock,
            ),
            "Petugas ditambahkan",
            "Staff member added",
        )
        if done is not None:
            select_row(self.list, done.username)

    def save(self) -> None:
        session = self.context.require_session()
        self.change(
            lambda: admin_actions.edit_staff(
                session,
                self.username.text(),
                full_name=self.full_name.text(),
                role=str(self.role.currentData()),
                nip=self.nip.text(),
                pin=self.pin.text() or None,
                password=self.password.text() or None,
                active=self.active.isChecked(),
                clock=self.context.clock,
            ),
            "Perubahan petugas disimpan",
            "Staff changes saved",
        )

    def disable(self) -> None:
        session = self.context.require_session()
        name = self.username.text()
        self.change(
            lambda: admin_actions.disable_staff(session, name, clock=self.context.clock),
            "Petugas dinonaktifkan",
            "Staff member disabled",
        )

    def unlock(self) -> None:
        session = self.context.require_session()
        name = self.username.text()
        was_locked = self.attempt(
            lambda: admin_actions.unlock_account(session, name, clock=self.context.clock)
        )
        if was_locked is True:
            self.show_ok(f"Kunci akun {name} dibuka", f"Account {name} unlocked")
        elif was_locked is False:
            self.show_ok(f"Akun {name} tidak terkunci", f"Account {name} was not locked")
