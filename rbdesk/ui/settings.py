"""Per-user preferences in QSettings: user name, recent files, window and dialog geometry."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from rbdesk.models.storage.backups import file_key

ORGANIZATION = "rbdesk"
APPLICATION = "rbdesk"
SETTINGS_VERSION = 1
MAX_RECENT = 8


def settings() -> QSettings:
    s = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
    if int(str(s.value("settings_version", 0) or 0)) < SETTINGS_VERSION:
        # Upgrade ladder for settings, like the schema's: nothing to convert yet.
        s.setValue("settings_version", SETTINGS_VERSION)
    return s


def str_list(value: Any) -> list[str]:
    """A list setting as read back: QSettings gives one item as a bare string."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def user_name() -> str:
    return str(settings().value("user/name", "") or "").strip()


def set_user_name(name: str) -> None:
    settings().setValue("user/name", name.strip())


def recent_files() -> list[str]:
    return str_list(settings().value("files/recent"))


def add_recent_file(path: Path | str) -> None:
    text = str(Path(path).resolve())
    files = [f for f in recent_files() if f != text]
    files.insert(0, text)
    s = settings()
    s.setValue("files/recent", files[:MAX_RECENT])
    s.setValue("files/last", text)


def remove_recent_file(path: str) -> None:
    settings().setValue("files/recent", [f for f in recent_files() if f != path])


def _plan_key(path: Path | str) -> str:
    return f"plans/last/{file_key(path)}"


def last_plan(path: Path | str) -> str:
    """The plan last used on this PC in this file ("" if none)."""
    return str(settings().value(_plan_key(path), "") or "")


def set_last_plan(path: Path | str, plan_uuid: str) -> None:
    settings().setValue(_plan_key(path), plan_uuid)


def _restored_key(path: Path | str) -> str:
    return f"files/restored/{file_key(path)}"


def restored_from(path: Path | str) -> str:
    """For a file written by "Pulihkan dari cadangan" on this PC: which backup it came from
    (BackupInfo.describe), "" for any other file."""
    return str(settings().value(_restored_key(path), "") or "")


def set_restored_from(path: Path | str, what: str) -> None:
    settings().setValue(_restored_key(path), what)


def last_file() -> str:
    return str(settings().value("files/last", "") or "")


def value(key: str, default: Any = None) -> Any:
    return settings().value(key, default)


def set_value(key: str, val: Any) -> None:
    settings().setValue(key, val)


def save_geometry(widget: QWidget, key: str) -> None:
    s = settings()
    s.setValue(f"geometry/{key}", widget.saveGeometry())
    state = getattr(widget, "saveState", None)
    if callable(state) and hasattr(widget, "restoreDockWidget"):
        s.setValue(f"state/{key}", state())


def restore_geometry(widget: QWidget, key: str) -> bool:
    """A dialog's size and place from last time, brought onto this screen."""
    geometry = settings().value(f"geometry/{key}")
    done = isinstance(geometry, QByteArray | bytes) and widget.restoreGeometry(geometry)
    fit_to_screen(widget)
    return bool(done)


# The head of QWidget.saveGeometry() (Qt 6): magic, version, frame geometry, normal geometry
# (each QRect as left, top, right, bottom), screen number, maximised, full screen, ...
_GEOMETRY_HEAD = struct.Struct(">IHH4i4iiBB")
_GEOMETRY_MAGIC = 0x1D9D0CB


def _rect(left: int, top: int, right: int, bottom: int) -> QRect:
    return QRect(left, top, right - left + 1, bottom - top + 1)


def saved_frame_fits(saved: QByteArray | bytes, avail: QRect) -> bool:
    """Whether a saved window, frame included, lies wholly inside ``avail``: for a maximised
    one, the size it goes back to when un-maximised. Unreadable means no."""
    data = bytes(saved.data()) if isinstance(saved, QByteArray) else bytes(saved)
    if len(data) < _GEOMETRY_HEAD.size:
        return False
    magic, major, _minor, *numbers = _GEOMETRY_HEAD.unpack_from(data)
    if magic != _GEOMETRY_MAGIC or major < 2:
        return False
    frame, normal = _rect(*numbers[0:4]), _rect(*numbers[4:8])
    maximised = bool(numbers[9])
    if maximised:
        # The frame of a maximised window is the screen; the window goes back to ``normal``
        # (its inside) with a title bar and borders of about the same size as now.
        frame = normal.adjusted(-FRAME_ROOM_X // 2, -FRAME_ROOM_Y // 2, FRAME_ROOM_X // 2, 0)
    return frame.isValid() and avail.contains(frame)


# Room left around a window placed by rbdesk for the window manager's title bar and borders
# (unknown until the window is shown).
FRAME_ROOM_X, FRAME_ROOM_Y = 40, 80


def restore_window_geometry(widget: QWidget, key: str) -> bool:
    """The main window's size and place from last time, only if the whole window fits the
    screen it opens on now (never one saved on a bigger screen, or off screen, brought back
    partly hidden). The panels' arrangement is given back either way. True if it was used."""
    s = settings()
    geometry = s.value(f"geometry/{key}")
    used = (
        isinstance(geometry, QByteArray | bytes)
        and saved_frame_fits(geometry, available_geometry(widget))
        and widget.restoreGeometry(geometry)
    )
    state = s.value(f"state/{key}")
    if isinstance(state, QByteArray | bytes) and hasattr(widget, "restoreState"):
        widget.restoreState(state)
    return bool(used)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable part of the screen the widget is on (the primary screen if none)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_to_screen(widget: QWidget) -> None:
    """A size and place saved on a bigger screen (or a monitor since unplugged) is brought back
    onto the screen this PC has now."""
    avail = available_geometry(widget)
    width = min(widget.width(), avail.width())
    height = min(widget.height(), avail.height())
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    frame = widget.frameGeometry()
    if not avail.contains(frame):
        x = min(max(frame.x(), avail.x()), avail.right() - frame.width() + 1)
        y = min(max(frame.y(), avail.y()), avail.bottom() - frame.height() + 1)
        widget.move(max(x, avail.x()), max(y, avail.y()))


class GeometryMemory(QDialog):
    """Base of dialogs that remember their size and place under the class name."""

    def showEvent(self, event: QShowEvent) -> None:  # Qt API
        if not getattr(self, "_geometry_restored", False):
            restore_geometry(self, type(self).__name__)
            self._geometry_restored = True
        super().showEvent(event)

    def done(self, result: int) -> None:
        save_geometry(self, type(self).__name__)
        super().done(result)


def _mapping_key(header: str) -> str:
    import hashlib

    return "import/mappings/" + hashlib.sha256(header.encode("utf-8")).hexdigest()[:32]


def remembered_mapping(header: str) -> str:
    """The import mapping (JSON text) last used on this PC for a sheet with these header words."""
    return str(settings().value(_mapping_key(header), "") or "")


def remember_mapping(header: str, mapping_json: str) -> None:
    settings().setValue(_mapping_key(header), mapping_json)
