"""Qt user interface. Calls into rbdesk.models; holds no SQL.

``window`` (application start, main window, menus and actions, file watcher), ``grid`` (the
plan tree and month grid: model, filter, view, delegate), ``panels`` (the Tim, Bulan ini and
Bukti dukung docks), ``dialogs``, ``undo`` (every edit as an undoable command); beside them
``document`` (the open plan), ``view_state``, ``operations`` (the one way to write),
``settings`` and ``roles`` (the item-data roles all views share).
"""
