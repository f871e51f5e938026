"""The layers of docs/ARCHITECTURE.md, checked on the source: imports point one way (ui → models,
exports → models, cli/commands → everything), nothing imports in a circle — counting the imports
under ``if TYPE_CHECKING:``, since a circle for the type checker is a circle — and the window
holds no SQL."""

from __future__ import annotations

from import_graph import cycle, graph, imports, modules

LOWER_THAN = {  # a package may not import from these
    "rbdesk.models": ("rbdesk.ui", "rbdesk.exports", "rbdesk.commands", "rbdesk.cli"),
    "rbdesk.exports": ("rbdesk.ui", "rbdesk.commands", "rbdesk.cli"),
    "rbdesk.ui": ("rbdesk.commands", "rbdesk.cli"),
    # Inside ui: the grid and the panels are parts the window puts together, never the reverse.
    "rbdesk.ui.grid": ("rbdesk.ui.window",),
    "rbdesk.ui.panels": ("rbdesk.ui.window",),
    "rbdesk.ui.undo": ("rbdesk.ui.window", "rbdesk.ui.grid", "rbdesk.ui.panels"),
}
# The only modules that may import the main window: the application that opens one per file and
# the screenshots that render it.
MAIN_WINDOW = "rbdesk.ui.window.main_window"
MAIN_WINDOW_USERS = {"rbdesk.ui.window.app", "rbdesk.ui.screenshots"}
# Known arrows still to remove (issue 22), each an explicit exception that this list shrinks to
# nothing: the arrows that close circles, and the grid and panels reaching up into the window.
ALLOWED = {
    ("rbdesk.ui.grid.tree_edits", MAIN_WINDOW),
    ("rbdesk.ui.window.decree_actions", MAIN_WINDOW),
    ("rbdesk.ui.window.export_actions", MAIN_WINDOW),
    ("rbdesk.ui.window.file_actions", MAIN_WINDOW),
    ("rbdesk.ui.window.window_actions", MAIN_WINDOW),
    ("rbdesk.ui.window.export_actions", "rbdesk.ui.window.window_actions"),
}
# What only models may touch: the database driver and the tables themselves.
SQL = ("peewee", "sqlite3", "playhouse", "rbdesk.models.storage.schema",
       "rbdesk.models.storage.database", "rbdesk.models.storage.migrations")


def full_graph() -> dict[str, set[str]]:
    """Module -> the rbdesk modules it imports, ``if TYPE_CHECKING:`` blocks included."""
    known = modules()
    return {name: {target for target in imports(name, path) & known.keys()
                   if target != name and (name, target) not in ALLOWED}
            for name, path in known.items()}


def test_every_allowed_arrow_still_exists() -> None:
    """An exception that is no longer needed is struck from ALLOWED."""
    known = modules()
    assert {(a, b) for a, b in ALLOWED if b not in imports(a, known[a])} == set()


def test_no_import_cycles_anywhere_counting_type_checking() -> None:
    edges = full_graph()
    assert "rbdesk.ui.window.main_window" in edges["rbdesk.ui.window.app"]
    assert cycle(edges) is None
    assert cycle(graph()) is None       # the imports that run: a subset of the above


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
    wrong = {name: sorted(u for u in imports(name, path) if u.startswith(SQL))
             for name, path in modules("rbdesk.ui").items()}
    assert {name: bad for name, bad in wrong.items() if bad} == {}
