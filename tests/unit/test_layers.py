"""The layers of the README's "Layout", checked on the source: imports point one way (ui →
models, exports → models, cli/subcommands → everything), nothing imports in a circle, and the
window holds no SQL."""

from __future__ import annotations

from import_graph import cycle, graph, imports, modules

LOWER_THAN = {  # a package may not import from these
    "rbdesk.models": ("rbdesk.ui", "rbdesk.exports", "rbdesk.subcommands", "rbdesk.cli"),
    "rbdesk.exports": ("rbdesk.ui", "rbdesk.subcommands", "rbdesk.cli"),
    "rbdesk.ui": ("rbdesk.subcommands", "rbdesk.cli"),
}
# What only models may touch: the database driver and the tables themselves.
SQL = ("peewee", "sqlite3", "playhouse", "rbdesk.models.storage.schema",
       "rbdesk.models.storage.database", "rbdesk.models.storage.migrations")


def test_no_import_cycles_anywhere() -> None:
    edges = graph()
    assert "rbdesk.ui.window.main_window" in edges["rbdesk.ui.window.app"]
    assert cycle(edges) is None


def test_imports_point_down_the_layers() -> None:
    wrong = {}
    for name, path in modules().items():
        for package, forbidden in LOWER_THAN.items():
            if name == package or name.startswith(package + "."):
                bad = sorted(u for u in imports(name, path) if u.startswith(forbidden))
                if bad:
                    wrong[name] = bad
    assert wrong == {}


def test_the_window_holds_no_sql() -> None:
    wrong = {name: sorted(u for u in imports(name, path) if u.startswith(SQL))
             for name, path in modules("rbdesk.ui").items()}
    assert {name: bad for name, bad in wrong.items() if bad} == {}
