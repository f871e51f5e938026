"""Starting the window: the application object, logging, the user's name, opening a file.

Errors never reach the user as a traceback: a clear Indonesian message, details in the log file.
"""

from __future__ import annotations

import gc
import logging
import logging.handlers
import sys
import traceback
from importlib import resources
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from rbdesk import i18n
from rbdesk.i18n import tr
from rbdesk.logfile import LOG_FILE, setup_logging
from rbdesk.models import clock
from rbdesk.models.domain.tree import list_plans
from rbdesk.models.edits import plan_edit
from rbdesk.models.errors import RbdeskError
from rbdesk.models.storage import backups, paths
from rbdesk.models.storage.paths import default_plan_file, log_dir
from rbdesk.models.storage.store import Store, default_user
from rbdesk.ui import qt_indonesian, settings
from rbdesk.ui.dialogs.common import NewPlanDialog, UserNameDialog, show_error
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.window import shown_probe, smoke
from rbdesk.ui.window.cloud_notice import cloud_notice
from rbdesk.ui.window.main_window import MainWindow

log = logging.getLogger("rbdesk.ui")
_windows: list[MainWindow] = []  # open windows (kept alive here)
_in_hook = False


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Any bug that escapes: into the log with its traceback, to the user as one clear message."""
    global _in_hook
    log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, exc, tb)))
    if isinstance(exc, KeyboardInterrupt):
        QCoreApplication.quit()
        return
    if _in_hook or QApplication.instance() is None:
        return
    _in_hook = True
    try:
        if isinstance(exc, RbdeskError):
            text = exc.message
        else:
            text = tr(
                "Terjadi kesalahan yang tidak terduga. Perubahan yang sudah tampil di layar "
                "sudah tersimpan. Jika berulang, kirimkan berkas log kepada pengelola "
                "aplikasi:\n{path}"
            ).format(path=log_dir() / LOG_FILE)
        QMessageBox.critical(None, tr("rbdesk: kesalahan"), text)
    finally:
        _in_hook = False


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(argv if argv is not None else sys.argv[:1])
    )
    QApplication.setOrganizationName(settings.ORGANIZATION)
    QApplication.setApplicationName(settings.APPLICATION)
    QApplication.setApplicationDisplayName("rbdesk")
    QApplication.setStyle("Fusion")
    QApplication.setWindowIcon(
        QIcon(str(resources.files("rbdesk.resources") / "icons" / "rbdesk.png"))
    )
    where = paths.current()
    if where.portable:  # settings stay in the portable folder too (before any QSettings use)
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(where.settings_root)
        )
    i18n.install(lambda context, text: QCoreApplication.translate(context, text))
    if not app.property("rbdeskIndonesian"):
        qt_indonesian.install(app)
        app.setProperty("rbdeskIndonesian", True)
    return app


def ensure_user_name(parent: MainWindow | None = None) -> str:
    """Asked once, then kept in QSettings. Cancel keeps the login name."""
    name = settings.user_name()
    if name or smoke.enabled():  # nobody is there to answer in smoke mode
        return name or default_user()
    dialog = UserNameDialog(default_user(), parent)
    name = dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else ""
    name = name or default_user()
    settings.set_user_name(name)
    return name


def _open_store(path: Path, parent: MainWindow | None) -> Store | None:
    user = ensure_user_name(parent)
    try:
        store = Store.open(path, user=user)
    except RbdeskError as exc:
        show_error(parent, exc.message, tr("Berkas tidak dapat dibuka"))
        return None
    except Exception:
        log.exception("opening %s failed", path)
        show_error(
            parent,
            tr(
                "Berkas {name} tidak dapat dibuka karena kesalahan yang tidak "
                "terduga; rinciannya dicatat di log."
            ).format(name=path.name),
        )
        return None
    return store


def _prepare(store: Store) -> list[str]:
    """After opening: a daily backup, and a first plan in an empty file. Returns notices."""
    notices = [text for text in [cloud_notice(store.path)] if text]
    if store.state.migrated_from is not None:
        notices.append(
            tr("Berkas diperbarui dari format versi {v}; salinan lama disimpan di {p}.").format(
                v=store.state.migrated_from, p=store.state.backup_path
            )
        )
    if store.readonly:
        return notices
    try:
        backups.daily_backup(store)
    except (RbdeskError, OSError):
        # The file itself is fine; the window opens and says nothing lost. The log has why.
        log.exception("daily backup failed")
    if not list_plans(store):
        plan_edit.add_plan(
            store, tr("Satuan kerja"), clock.today().year, tr("Rencana Aksi Reformasi Birokrasi")
        )
    return notices


def show_window(store: Store, notices: list[str] | None = None) -> MainWindow:
    doc = PlanDocument(store, settings.last_plan(store.path))
    settings.set_last_plan(store.path, doc.plan_uuid)
    doc.planChanged.connect(lambda uuid: settings.set_last_plan(store.path, uuid))
    win = MainWindow(doc)
    win.fileRequested.connect(lambda path, create: _file_requested(win, path, create))
    _windows.append(win)
    win.destroyed.connect(lambda *_: _windows.remove(win) if win in _windows else None)
    settings.add_recent_file(store.path)
    if win.start_maximised:
        win.showMaximized()
    else:
        win.show()
    for text in notices or []:
        win.show_message(text)
    return win


def _file_requested(win: MainWindow, path: Path, create: bool) -> None:
    if create:
        create_and_open(path, win)
    else:
        open_path(path, win)


def _replace(old: MainWindow | None, store: Store, notices: list[str]) -> MainWindow:
    if old is not None:
        old.close()
    return show_window(store, notices)


def open_path(path: Path, current: MainWindow | None = None) -> MainWindow | None:
    """Open a file in place of the current window; on failure the current one stays."""
    if current is not None and current.doc.store.path.resolve() == path.resolve():
        return current
    store = _open_store(path, current)
    if store is None:
        return None
    return _replace(current, store, _prepare(store))


def create_and_open(
    path: Path, current: MainWindow | None = None, *, sample: bool = False
) -> MainWindow | None:
    from rbdesk.models.interchange.load import create_file  # the sample: not needed to open

    try:
        store = create_file(path, sample=sample, user=ensure_user_name(current))
    except RbdeskError as exc:
        show_error(current, exc.message, tr("Berkas tidak dapat dibuat"))
        return None
    if not sample:
        dialog = NewPlanDialog(parent=current)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            unit, year, title = dialog.values()
            try:
                plan_edit.add_plan(store, unit, year, title, standard_areas=dialog.standard_areas())
            except RbdeskError as exc:
                show_error(current, exc.message)
    return _replace(current, store, _prepare(store))


def start(path: str | Path | None) -> MainWindow | None:
    """Open FILE, or the last file, or the default plan (made from the sample the first time)."""
    if path is None:
        last = settings.last_file()
        if last and Path(last).exists():
            path = last
    if path is None:
        default = default_plan_file()
        if not default.exists():
            default.parent.mkdir(parents=True, exist_ok=True)
            return create_and_open(default, None, sample=True)
        path = default
    return open_path(Path(path), None)


def run_gui(path: str | None) -> int:
    app = make_app()
    shown_probe.install_if_requested(app)
    log_path = setup_logging()
    log.info("rbdesk starting (file=%s, log=%s)", path, log_path)
    sys.excepthook = excepthook
    smoke_run = smoke.SmokeRun(app) if smoke.enabled() else None
    # Start-up only builds what the window keeps (a big plan is a million Python objects), so
    # the cyclic collector would rescan a growing heap for nothing; afterwards that heap is
    # moved out of its sight (gc.freeze), so later collections never pause a keystroke to
    # rescan it. Rows dropped later are freed by reference counting (the grid breaks its
    # parent/child links when it drops them).
    gc.disable()
    try:
        window = start(path)
    finally:
        gc.freeze()
        gc.enable()
    if window is None:
        return 1
    if smoke_run is not None:
        smoke_run.close_when_shown(window)
    return app.exec()
