"""Rate our service: the nine SKM elements (PermenPANRB 14/2017), answered 1–4 by touch.

Pages: an optional ticket number, one page per element with four large answers,
the respondent profile (all optional), then thanks.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QIntValidator, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from loket.kiosk.shell.i18n import pick
from loket.kiosk.shell.keypad import OnScreenKeyboard
from loket.kiosk.ticketing.fit_button import FitButton
from loket.kiosk.ticketing.input_guard import PrinterValidator
from loket.kiosk.ticketing.screen import (
    Header,
    Screen,
    answer_button,
    label,
    plain_button,
    primary_button,
)
from loket.models.feedback.survey_elements import ELEMENTS
from loket.models.feedback.surveys import EDUCATION_LEVELS, OCCUPATIONS, SEXES

# Choices per row (landscape, portrait) on the profile page.
CHOICE_COLUMNS = {"sex": (2, 2), "education": (5, 5), "occupation": (3, 3)}


def _place(grid: QGridLayout, buttons: dict[str, FitButton], columns: int) -> None:
    for button in buttons.values():
        grid.removeWidget(button)
    for index, button in enumerate(buttons.values()):
        grid.addWidget(button, index // columns, index % columns)


def _choice_group(
    parent: QWidget, name: str, values: tuple[str, ...], columns: int
) -> tuple[QButtonGroup, dict[str, FitButton], QGridLayout]:
    group = QButtonGroup(parent)
    group.setExclusive(False)  # tapping a chosen answer again clears it (all optional)
    buttons: dict[str, FitButton] = {}
    grid = QGridLayout()
    grid.setSpacing(8)
    for value in values:
        button = plain_button(f"{name}_{value}")
        button.setCheckable(True)
        button.setText(value)
        group.addButton(button)
        buttons[value] = button
    _place(grid, buttons, columns)

    def only_one(clicked: object) -> None:
        for other in buttons.values():
            if other is not clicked:
                other.setChecked(False)

    group.buttonClicked.connect(only_one)
    return group, buttons, grid


def _chosen(buttons: dict[str, FitButton] | dict[str, QPushButton]) -> str | None:
    return next((value for value, b in buttons.items() if b.isChecked()), None)


class SurveyScreen(Screen):
    submitted = Signal(dict)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answers: dict[str, int] = {}
        self.index = -1  # -1: intro, 0..8: elements, 9: profile, 10: thanks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = Header()
        self.title = self.header.title
        assert self.header.hint is not None
        self.progress = self.header.hint
        self.progress.setObjectName("survey_progress")
        layout.addWidget(self.header)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._intro_page())
        self.pages.addWidget(self._question_page())
        self.pages.addWidget(self._profile_page())
        self.pages.addWidget(self._thanks_page())
        # The refusal shows beside the back button: nothing above it moves.
        bottom = QHBoxLayout()
        self.back_button = plain_button("back")
        self.back_button.clicked.connect(self.go_back)
        self.error = label("error", name="survey_error")
        self.error.hide()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.error, 1)
        layout.addLayout(bottom)
        self.retranslate()

    def adapt(self, portrait: bool) -> None:
        super().adapt(portrait)
        direction = (
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.intro_body.setDirection(direction)
        self.profile_body.setDirection(direction)
        for name, (buttons, grid) in self._choices.items():
            _place(grid, buttons, CHOICE_COLUMNS[name][1 if portrait else 0])
        self._reserve_question()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reserve_question()

    def _reserve_question(self) -> None:
        """The question keeps the height of the longest one: the answers never move."""
        self.question.ensurePolished()
        metrics = QFontMetrics(self.question.font())
        # Before the first show Qt's default 640 px is no width at all: assume a wide screen.
        width = max(self.width() if self.isVisible() else 960, 200)
        flags = int(Qt.TextFlag.TextWordWrap)
        need = max(
            metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text).height()
            for element in ELEMENTS
            for text in (element.question_id, element.question_en)
        )
        if self.question.minimumHeight() != need:
            self.question.setMinimumHeight(need)

    # ---- pages
    def _intro_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.intro = label()
        self.ticket_label = label()
        self.ticket_field = QLineEdit()
        self.ticket_field.setObjectName("survey_ticket")
        self.ticket_field.setMaxLength(8)
        self.ticket_field.setValidator(PrinterValidator(self.ticket_field))
        self.keyboard = OnScreenKeyboard(page)
        self.keyboard.set_target(self.ticket_field)
        self.start_button = primary_button("survey_start")
        self.start_button.clicked.connect(lambda: self.show_page(0))
        self.intro_body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.intro_body.setSpacing(16)
        fields = QVBoxLayout()
        for widget in (self.intro, self.ticket_label, self.ticket_field):
            fields.addWidget(widget)
        fields.addStretch(1)
        self.intro_body.addLayout(fields, 1)
        self.intro_body.addWidget(self.keyboard, 1)
        layout.addLayout(self.intro_body, 1)
        layout.addWidget(self.start_button)
        return page

    def _question_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.question = label("title", name="survey_question")
        self.question.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.question)
        # Four answers sharing the rest of the screen: the larger, the easier to hit.
        self.answer_buttons: list[FitButton] = []
        for value in range(1, 5):
            button = answer_button(f"answer_{value}")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, v=value: self.answer(v))
            layout.addWidget(button, 1)
            self.answer_buttons.append(button)
        return page

    def _profile_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.profile_hint = self.progress  # the header's second line says it on this page
        self.sex_label = label()
        _, self.sex_buttons, sex_grid = _choice_group(page, "sex", tuple(SEXES), 2)
        self.age_label = label()
        self.age_field = QLineEdit()
        self.age_field.setObjectName("survey_age")
        self.age_field.setValidator(QIntValidator(1, 120, self))
        self.age_field.setMaxLength(3)
        self.age_keypad = OnScreenKeyboard(page, digits_only=True)
        self.age_keypad.set_target(self.age_field)
        self.education_label = label()
        _, self.education_buttons, education_grid = _choice_group(
            page, "education", EDUCATION_LEVELS, 9
        )
        self.occupation_label = label()
        _, self.occupation_buttons, occupation_grid = _choice_group(
            page, "occupation", OCCUPATIONS, 6
        )
        self._choices = {
            "sex": (self.sex_buttons, sex_grid),
            "education": (self.education_buttons, education_grid),
            "occupation": (self.occupation_buttons, occupation_grid),
        }
        choices = QVBoxLayout()
        for widget, grid in (
            (self.sex_label, sex_grid),
            (self.education_label, education_grid),
            (self.occupation_label, occupation_grid),
        ):
            choices.addWidget(widget)
            choices.addLayout(grid)
        choices.addStretch(1)
        age = QVBoxLayout()
        age.addWidget(self.age_label)
        age.addWidget(self.age_field)
        age.addWidget(self.age_keypad, 1)
        self.profile_body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.profile_body.setSpacing(16)
        self.profile_body.addLayout(choices, 3)
        self.profile_body.addLayout(age, 2)
        layout.addLayout(self.profile_body, 1)
        self.send_button = primary_button("survey_send")
        self.send_button.clicked.connect(self._send)
        layout.addWidget(self.send_button)
        return page

    def _thanks_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.thanks = label("title", name="survey_thanks")
        self.finish_button = primary_button("survey_done")
        self.finish_button.clicked.connect(self.back)
        layout.addWidget(self.thanks)
        layout.addStretch(1)
        layout.addWidget(self.finish_button)
        return page

    # ---- flow
    def entered(self) -> None:
        if self.index == len(ELEMENTS) + 1:
            self.reset()

    def reset(self) -> None:
        self.answers = {}
        self.ticket_field.clear()
        self.age_field.clear()
        for group in (self.sex_buttons, self.education_buttons, self.occupation_buttons):
            for button in group.values():
                button.setChecked(False)
        self.error.hide()
        self.show_page(-1)

    def show_page(self, index: int) -> None:
        self.index = index
        self.error.hide()
        if index < 0:
            self.pages.setCurrentIndex(0)
        elif index < len(ELEMENTS):
            self.pages.setCurrentIndex(1)
        elif index == len(ELEMENTS):
            self.pages.setCurrentIndex(2)
        else:
            self.pages.setCurrentIndex(3)
        self.back_button.setVisible(index <= len(ELEMENTS))
        self.retranslate()

    def answer(self, value: int) -> None:
        self.answers[ELEMENTS[self.index].key] = value
        self.show_page(self.index + 1)

    def go_back(self) -> None:
        if self.index < 0:
            self.back.emit()
        else:
            self.show_page(self.index - 1)

    def profile(self) -> dict[str, object]:
        age = self.age_field.text().strip()
        return {
            "sex": _chosen(self.sex_buttons),
            "age": int(age) if age else None,
            "education": _chosen(self.education_buttons),
            "occupation": _chosen(self.occupation_buttons),
        }

    def _send(self) -> None:
        ticket = self.ticket_field.text().strip().upper() or None
        self.submitted.emit({"answers": dict(self.answers), "ticket": ticket, **self.profile()})

    def show_error(self, message_id: str, message_en: str) -> None:
        self.error.setText(pick(message_id, message_en))
        self.error.show()

    def show_thanks(self) -> None:
        self.show_page(len(ELEMENTS) + 1)

    # ---- text
    def retranslate(self) -> None:
        self.title.setText(self.tr("Survei Kepuasan Masyarakat"))
        self.back_button.setText(self.tr("‹ Kembali"))
        self.intro.setText(
            self.tr(
                "Sembilan pertanyaan singkat tentang layanan kami. Jawaban Anda tanpa nama "
                "dan membantu kami memperbaiki layanan."
            )
        )
        self.ticket_label.setText(
            self.tr("Nomor antrean Anda hari ini, misalnya A-012 (boleh kosong):")
        )
        self.start_button.setText(self.tr("Mulai"))
        self.sex_label.setText(self.tr("Jenis kelamin"))
        for key, button in self.sex_buttons.items():
            button.setText(pick(*SEXES[key]))
        self.age_label.setText(self.tr("Umur (tahun)"))
        self.education_label.setText(self.tr("Pendidikan terakhir"))
        self.occupation_label.setText(self.tr("Pekerjaan"))
        self.send_button.setText(self.tr("Kirim penilaian"))
        self.thanks.setText(self.tr("Terima kasih atas penilaian Anda!"))
        self.finish_button.setText(self.tr("Selesai"))
        if 0 <= self.index < len(ELEMENTS):
            element = ELEMENTS[self.index]
            self.progress.setText(
                self.tr("Pertanyaan %1 dari %2 · %3")
                .replace("%1", str(self.index + 1))
                .replace("%2", str(len(ELEMENTS)))
                .replace("%3", pick(element.name_id, element.name_en))
            )
            self.question.setText(pick(element.question_id, element.question_en))
            labels = pick("\x00".join(element.answers_id), "\x00".join(element.answers_en))
            chosen = self.answers.get(element.key)
            for value, (button, text) in enumerate(
                zip(self.answer_buttons, labels.split("\x00"), strict=True), start=1
            ):
                button.setText(f"{value}   {text}")
                button.setChecked(chosen == value)
        elif self.index == len(ELEMENTS):
            self.progress.setText(self.tr("Tentang Anda (semua boleh dikosongkan)"))
        else:
            self.progress.setText("")
