"""How every Loket Qt program starts, the same way for the kiosk, the board, the
counter and the admin console.

A program's ``main.py`` declares a :class:`QtProgram`: its options, its window and
how that window is shown. :meth:`QtProgram.run` does the rest in this order: read
the options, start the log, refuse a mistyped ``--printer`` or database URL (one line
on stderr, exit code 2), create the QApplication, open the office database on a worker
thread — showing the waiting screen (:mod:`loket.kiosk.shell.waiting_screen`) for as
long as the server does not answer — then switch the language, open and show the
window, and run until the window says it is ``closing``.

Qt is imported only after the options are read, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from loket.kiosk.shell.launcher import Launcher
    from loket.models.errors import LoketError

W = TypeVar("W", bound="QWidget")

EXIT_REFUSED = 2
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
DATABASE_HELP = "database URL (default: $LOKET_DB or the local file)"
STATION_HELP = "this PC's name on the office printer list (default: $LOKET_STATION, else host name)"
LANGUAGE_HELP = "start language (default id)"


def add_database_option(
    parser: argparse.ArgumentParser, help_text: str = DATABASE_HELP, metavar: str | None = None
) -> None:
    """``--db URL``, opened by :meth:`QtProgram.start`."""
    parser.add_argument("--db", metavar=metavar, help=help_text)


def add_printer_options(parser: argparse.ArgumentParser, printer_help: str) -> None:
    """``--printer URI`` (checked before the app starts) and ``--station NAME``."""
    parser.add_argument("--printer", help=printer_help)
    parser.add_argument("--station", help=STATION_HELP)


def add_language_option(parser: argparse.ArgumentParser, help_text: str = LANGUAGE_HELP) -> None:
    """``--lang id|en``, switched to once the database is open."""
    parser.add_argument("--lang", choices=("id", "en"), help=help_text)


def chosen_language(options: argparse.Namespace) -> str | None:
    """The ``--lang`` given, if the program has that option; None keeps the saved one."""
    lang = getattr(options, "lang", None)
    return str(lang) if lang else None


def current_language_message(exc: LoketError) -> str:
    from loket.kiosk.shell import i18n

    return exc.message(i18n.current_language())


def show_full_screen(window: QWidget, options: argparse.Namespace) -> None:
    """Kiosk and board: the whole screen, unless started ``--windowed``."""
    from loket.kiosk.shell.launcher import show_full_screen as show

    show(window, options)


def show_maximised(window: QWidget, options: argparse.Namespace | None = None) -> None:
    """Staff PCs: the window uses the whole desktop (also where no window manager
    maximises for us)."""
    screen = window.screen()
    window.setGeometry(screen.availableGeometry() if screen else window.geometry())
    window.showMaximized()


@dataclass(frozen=True)
class QtProgram(Generic[W]):
    """One Loket Qt program: what it is called and what is its own.

    ``open_window(options, url)`` builds the window once the database at ``url`` is
    open; ``show(window, options)`` puts it on screen. ``language(options)`` is the
    language to switch to then (None keeps the saved one), ``database_refusal(exc)``
    the line printed when the database cannot be opened. ``close_after_loop`` closes
    the window once the event loop has ended, for a window that stops its work in
    ``closeEvent`` and has no ``closing`` signal. ``show_waiting(screen, options)`` puts
    the waiting screen on screen while the database does not answer.
    """

    app_name: str
    build_parser: Callable[[], argparse.ArgumentParser]
    open_window: Callable[[argparse.Namespace, str], W]
    show: Callable[[W, argparse.Namespace], None]
    language: Callable[[argparse.Namespace], str | None] = chosen_language
    database_refusal: Callable[[LoketError], str] = current_language_message
    logs_to_stderr: bool = True
    close_after_loop: bool = False
    show_waiting: Callable[[QWidget, argparse.Namespace], None] = show_maximised

    def start(self, argv: Sequence[str] | None = None) -> QWidget | int:
        """The shown window — or the waiting screen while the database does not answer
        (the window follows by itself) — or the exit code when the program refuses to
        start."""
        launched = self.launch(argv)
        if isinstance(launched, int):
            return launched
        current = launched.current
        assert current is not None
        return current

    def launch(
        self, argv: Sequence[str] | None = None, quick_ms: int | None = None
    ) -> Launcher[W] | int:
        """Start; the :class:`Launcher` that has shown the window or the waiting screen,
        or the exit code when the program refuses to start."""
        from loket.kiosk.shell.tiling import add_tile_option

        parser = self.build_parser()
        add_tile_option(parser)
        options = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
        if self.logs_to_stderr:
            logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
        from loket.kiosk.shell import i18n
        from loket.kiosk.shell.app import create_app, printer_problem
        from loket.models.errors import LoketError

        if "printer" in vars(options):
            problem = printer_problem(options.printer)
            if problem:  # refuse at start, not at the first visitor's ticket
                print(problem, file=sys.stderr)
                return EXIT_REFUSED
        from loket.models.config import parse_url, resolve_url

        try:
            url = resolve_url(options.db)
            parse_url(url)  # a mistyped URL is the command's fault: no waiting screen
        except LoketError as exc:
            print(self.database_refusal(exc), file=sys.stderr)
            return EXIT_REFUSED
        app = create_app(name=self.app_name)
        from loket.kiosk.shell.launcher import QUICK_MS, Launcher

        def open_window(opened_url: str) -> W:
            language = self.language(options)
            if language:
                i18n.set_language(app, language)
            window = self.open_window(options, opened_url)
            closing = getattr(window, "closing", None)
            if closing is not None:
                closing.connect(app.quit)
            return window

        def placed(
            show: Callable[[QWidget, argparse.Namespace], None],
        ) -> Callable[[QWidget], None]:
            def show_placed(widget: QWidget) -> None:
                show(widget, options)
                if options.tile is not None:
                    from loket.kiosk.shell.tiling import place_tiled

                    place_tiled(widget, *options.tile)

            return show_placed

        launcher: Launcher[W] = Launcher(
            app,
            url,
            open_window,
            placed(self.show),  # type: ignore[arg-type]
            placed(self.show_waiting),
        )
        launcher.begin(QUICK_MS if quick_ms is None else quick_ms)
        return launcher

    def run(self, argv: Sequence[str] | None = None) -> int:
        """Start, then run the event loop; the program's exit code."""
        launched = self.launch(argv)
        if isinstance(launched, int):
            return launched
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        assert app is not None
        code = app.exec()
        launched.stop()
        if self.close_after_loop and launched.window is not None:
            launched.window.close()
        return int(code)
