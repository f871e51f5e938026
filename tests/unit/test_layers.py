"""The layers of docs/ARCHITECTURE.md, checked on the source: imports point one way (ui → models,
exports → models, cli/subcommands → everything), nothing imports in a circle — counting the imports
under ``if TYPE_CHECKING:``, since a circle for the type checker is a circle — and the window
holds no SQL."""

from __future__ import annotations

from import_graph import cycle, graph, imports, modules

LOWER_THAN = {  # a package may not import from these
    "rbdesk.models": ("rbdesk.ui", "rbdesk.exports", "rbdesk.subcommands", "rbdesk.cli"),
    "rbdesk.exports": ("rbdesk.ui", "rbdesk.subcommands", "rbdesk.cli"),
    "rbdesk.ui": ("rbdesk.subcommands", "rbdesk.cli"),
    # Inside ui: the grid and the panels are parts the window puts together, never the reverse.
    "rbdesk.ui.grid": ("rbdesk.ui.window",),
    "rbdesk.ui.panels": ("rbdesk.ui.window",),
    "rbdesk.ui.undo": ("rbdesk.ui.window", "rbdesk.ui.grid", "rbdesk.ui.panels"),
}
# The only modules that may import the main window: the application that opens one per file and
# the screenshots that render it.
MAIN_WINDOW = "rbdesk.ui.window.main_window"
MAIN_WINDOW_USERS = {"rbdesk.ui.window.app", "rbdesk.ui.screenshots"}
# The parts of ui and the arrows allowed between them ("ui" is its top-level modules: the
# document, the view state, the operations, settings, roles; the screenshots script, which
# drives the whole window as the start-up does, is left out).
UI_ARROWS = {
    ("window", "ui"),
    ("window", "dialogs"),
    ("window", "grid"),
    ("window", "panels"),
    ("window", "undo"),
    ("panels", "ui"),
    ("panels", "dialogs"),
    ("panels", "grid"),
    ("panels", "undo"),
    ("grid", "ui"),
    ("grid", "dialogs"),
    ("grid", "undo"),
    ("dialogs", "ui"),
    ("undo", "ui"),
}
# What only models may touch: the database driver and the tables themselves.
SQL = (
    "peewee",
    "sqlite3",
    "playhouse",
    "rbdesk.models.storage.schema",
    "rbdesk.models.storage.database",
    "rbdesk.models.storage.migrations",
)


def full_graph() -> dict[str, set[str]]:
    """Module -> the rbdesk modules it imports, ``if TYPE_CHECKING:`` blocks included."""
    known = modules()
    return {name: (imports(name, path) & known.keys()) - {name} for name, path in known.items()}


def _ui_part(name: str) -> str:
    parts = name.split(".")
    below = ".".join(parts[:3])
    return parts[2] if any(m.startswith(below + ".") for m in modules("rbdesk.ui")) else "ui"


def test_the_parts_of_ui_import_each_other_only_as_listed() -> None:
    arrows = {
        (_ui_part(name), _ui_part(target))
        for name, targets in full_graph().items()
        if name.startswith("rbdesk.ui.") and name != "rbdesk.ui.screenshots"
        for target in targets
        if target.startswith("rbdesk.ui.")
    }
    assert {(a, b) for a, b in arrows if a != b} == UI_ARROWS


def test_no_import_cycles_anywhere_counting_type_checking() -> None:
    edges = full_graph()
    assert "rbdesk.ui.window.main_window" in edges["rbdesk.ui.window.app"]
    assert cycle(edges) is None
    assert cycle(graph()) is None  # the imports that run: a subset of the above


def test_imports_point_down_the_layers() -> None:
    wrong = {}
    for name, targets in full_graph().items():
        for package, forbidden in LOWER_THAN.items():
            if name == package or name.startswith(package + "."):
                bad = sorted(u for u in targets if u.startswith(forbidden))
                if bad:
                    wrong[name] = bad
    assert wrong == {}


def test_only_the_application_imports_the_main_window() -> None:
    users = {name for name, targets in full_graph().items() if MAIN_WINDOW in targets}
    assert users == MAIN_WINDOW_USERS


def test_the_window_holds_no_sql() -> None:
    wrong = {
        name: sorted(u for u in imports(name, path) if u.startswith(SQL))
        for name, path in modules("rbdesk.ui").items()
    }
    assert {name: bad for name, bad in wrong.items() if bad} == {}
