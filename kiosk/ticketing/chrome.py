"""What the kiosk window shows around its screens: the top bar (office name, large text,
high contrast, language) and the message overlay (front-desk banner, a refusal notice,
"please wait"), laid over the current screen's header so it never moves a target."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from loket.kiosk.shell.activity_line import ActivityLine
from loket.kiosk.ticketing.fit_button import FitButton
from loket.kiosk.ticketing.screen import Header, label, plain_button


class TopBar(QWidget):
    """Office name (also the hidden exit's target) and the three toggles; in portrait the
    toggles go on a row under the name."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("top_bar")
        self.office_name = label("office", name="office_name")
        self.language_button = plain_button("language")
        self.large_text_button = plain_button("large_text")
        self.large_text_button.setCheckable(True)
        self.contrast_button = plain_button("high_contrast")
        self.contrast_button.setCheckable(True)
        self.toggles: tuple[FitButton, ...] = (
            self.large_text_button,
            self.contrast_button,
            self.language_button,
        )
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.office_name, 3)
        row = QHBoxLayout()
        row.setSpacing(8)
        for button in self.toggles:
            button.setProperty("role", "toggle")
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            row.addWidget(button, 1)
        self._layout.addLayout(row, 2)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(max(self.width(), 1)))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.heightForWidth(max(self.width(), 1)))

    def adapt(self, portrait: bool) -> None:
        self._layout.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.totalHeightForWidth(width)


class MessageOverlay(QWidget):
    """Banner, notice and activity line, over the current screen's header.

    Only one shows at a time: what is happening now (the activity line), then a refusal
    (the notice), then the front desk's state (the banner). The header keeps the banner's
    height in reserve, so when it comes or goes nothing under it moves.
    """

    def __init__(self, window: QWidget, activity: ActivityLine) -> None:
        super().__init__(window)
        self.setObjectName("message_overlay")
        self.setProperty("layout_overlay", True)
        self.banner = label("banner", name="front_desk_banner")
        self.notice = label("error", name="notice")
        self.activity = activity
        self.unstaffed = False
        self._notice_on = False
        self._header: Header | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.banner, self.notice, self.activity):
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            layout.addWidget(widget)
        self.banner.hide()
        self.notice.hide()
        activity.shown.connect(lambda _on: self.refresh())
        self.hide()

    def set_unstaffed(self, unstaffed: bool) -> None:
        self.unstaffed = unstaffed
        self.refresh()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self._notice_on = True
        self.refresh()

    def hide_notice(self) -> None:
        self._notice_on = False
        self.refresh()

    def banner_height(self, width: int) -> int:
        """What the banner needs at ``width`` px: the height every header keeps free."""
        self.banner.ensurePolished()
        return self.banner.heightForWidth(width)

    def follow(self, header: Header | None) -> None:
        """Lie over ``header`` (the current screen's) from now on."""
        if self._header is not None:
            self._header.removeEventFilter(self)
        self._header = header
        if header is not None:
            header.installEventFilter(self)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show):
            self._place()
        return False

    def refresh(self) -> None:
        busy = self.activity.isVisibleTo(self)
        notice = self._notice_on and not busy
        banner = self.unstaffed and not busy and not notice
        if self.notice.isVisibleTo(self) != notice:
            self.notice.setVisible(notice)
        if self.banner.isVisibleTo(self) != banner:
            self.banner.setVisible(banner)
        self._place()
        self.setVisible(busy or notice or banner)
        if self.isVisible():
            self.raise_()

    def _place(self) -> None:
        header = self._header
        window = self.parentWidget()
        if header is None or window is None:
            return
        top_left = header.mapTo(window, header.rect().topLeft())
        shown = [w for w in (self.banner, self.notice, self.activity) if w.isVisibleTo(self)]
        need = sum(w.heightForWidth(header.width()) for w in shown)
        # Cover the whole header (its hint too): half-hidden text under it reads as a fault.
        height = max(need, header.height() if header.isVisible() else 0, 1)
        self.setGeometry(QRect(top_left.x(), top_left.y(), header.width(), height))

