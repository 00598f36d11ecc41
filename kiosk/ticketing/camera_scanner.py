"""Reading a receipt's QR from a camera, only where one is attached (QtMultimedia).

Frames are decoded with zxing-cpp a few times a second; the first QR text found is
emitted once and the camera stops.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)
DECODE_EVERY_S = 0.3


def camera_available() -> bool:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    try:
        return bool(QMediaDevices.videoInputs())
    except Exception:  # no multimedia backend on this machine
        log.debug("no camera backend", exc_info=True)
        return False


class QrScanner(QObject):
    found = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._camera: object | None = None
        self._session: object | None = None
        self._sink: object | None = None
        self._last = 0.0

    @property
    def running(self) -> bool:
        return self._camera is not None

    def start(self) -> bool:
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QVideoSink

        if self._camera is not None:
            return True
        if not camera_available():
            return False
        camera = QCamera(self)
        session = QMediaCaptureSession(self)
        sink = QVideoSink(self)
        session.setCamera(camera)
        session.setVideoSink(sink)
        sink.videoFrameChanged.connect(self._frame)
        self._camera, self._session, self._sink = camera, session, sink
        camera.start()
        return True

    def stop(self) -> None:
        camera = self._camera
        if camera is not None:
            camera.stop()  # type: ignore[attr-defined]
        self._camera = self._session = self._sink = None

    def _frame(self, frame: object) -> None:
        now = time.monotonic()
        if now - self._last < DECODE_EVERY_S:
            return
        self._last = now
        text = decode_frame(frame)
        if text:
            self.stop()
            self.found.emit(text)


def decode_frame(frame: object) -> str | None:
    import zxingcpp
    from PIL import Image

    image = frame.toImage().convertToFormat(  # type: ignore[attr-defined]
        _grayscale_format()
    )
    if image.isNull():
        return None
    width, height = image.width(), image.height()
    data = bytes(image.constBits())[: image.bytesPerLine() * height]
    picture = Image.frombytes("L", (width, height), data, "raw", "L", image.bytesPerLine())
    for result in zxingcpp.read_barcodes(
        picture, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    ):
        if result.text:
            return str(result.text)
    return None


def _grayscale_format() -> object:
    from PySide6.QtGui import QImage

    return QImage.Format.Format_Grayscale8
