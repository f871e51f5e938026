"""Qt user interface. Calls into rbdesk.models; holds no SQL.

``window`` (application start, main window, menus and actions, settings, file watcher),
``grid`` (the plan tree and month grid: model, filter, view, delegate), ``panels`` (the Tim,
Bulan ini and Bukti dukung docks), ``dialogs``, ``undo`` (every edit as an undoable command),
and ``roles`` (the item-data roles all views share).
"""
