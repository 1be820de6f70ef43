"""A small chart of backup size (bars) and duration (line) over the last 60 days, painted by hand.

No chart library: a QWidget with QPainter is enough for one small picture,
and it keeps the installer small. The numbers it shows are also in the
history table, so the accessible description only summarises them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from tsbackup_gui.app.overview_history import CHART_DAYS

SIZE_COLOUR = QColor("#4a7fb5")
TIME_COLOUR = QColor("#d9822b")


class SizeDurationChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.points: list = []
        self.now: datetime | None = None
        self.setMinimumHeight(130)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Backup size and duration, last 60 days"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    @property
    def point_count(self) -> int:
        return len(self.points)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(360, 150)

    def set_points(self, points: list, now: datetime | None) -> None:
        self.points = list(points)
        self.now = now
        if self.points:
            from tsbackup_gui.ui.status_format import duration_text, size_text

            newest = self.points[-1]
            self.setAccessibleDescription(self.tr("{0} backups; the newest {1}, took {2}.").format(
                len(self.points), size_text(newest.bytes), duration_text(newest.seconds)))
        else:
            self.setAccessibleDescription(self.tr("No backups in the last 60 days."))
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        plot = QRectF(8, line + 6, max(10, self.width() - 16), max(10, self.height() - 2 * line - 16))
        palette = self.palette()
        painter.setPen(QPen(palette.mid().color()))
        painter.drawRect(plot)
        # the legend
        x = 8.0
        for colour, text in ((SIZE_COLOUR, self.tr("Size")), (TIME_COLOUR, self.tr("Duration"))):
            painter.fillRect(QRectF(x, 4, 10, 10), colour)
            painter.setPen(palette.text().color())
            painter.drawText(QPointF(x + 14, 4 + metrics.ascent() - 1), text)
            x += 14 + metrics.horizontalAdvance(text) + 16
        now = self.now or (self.points[-1].when if self.points else datetime.now().astimezone())
        start = now - timedelta(days=CHART_DAYS)
        painter.setPen(palette.text().color())
        bottom = plot.bottom() + line + 2
        painter.drawText(QPointF(plot.left(), bottom), start.strftime("%d.%m."))
        end_label = now.strftime("%d.%m.")
        painter.drawText(QPointF(plot.right() - metrics.horizontalAdvance(end_label), bottom), end_label)
        if not self.points:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No backups in the last 60 days."))
            return
        span = (now - start).total_seconds() or 1.0
        biggest = max(p.bytes for p in self.points) or 1
        longest = max(p.seconds for p in self.points) or 1.0
        bar = max(2.0, plot.width() / (CHART_DAYS * 1.6))

        def x_of(point) -> float:
            return plot.left() + plot.width() * max(0.0, min(1.0, (point.when - start).total_seconds() / span))

        for point in self.points:
            height = (plot.height() - 4) * point.bytes / biggest
            left = max(plot.left() + 1, min(plot.right() - bar - 1, x_of(point) - bar / 2))  # inside the frame
            painter.fillRect(QRectF(left, plot.bottom() - height, bar, height), SIZE_COLOUR)
        path = QPainterPath()
        for index, point in enumerate(self.points):
            spot = QPointF(x_of(point), plot.bottom() - 2 - (plot.height() - 6) * point.seconds / longest)
            path.moveTo(spot) if index == 0 else path.lineTo(spot)
        painter.setPen(QPen(TIME_COLOUR, 2))
        painter.drawPath(path)
        for point in self.points:
            spot = QPointF(x_of(point), plot.bottom() - 2 - (plot.height() - 6) * point.seconds / longest)
            painter.setBrush(TIME_COLOUR)
            painter.drawEllipse(spot, 2.5, 2.5)
