"""The application and its main window: start-up (``app``), the shared per-file state
(``context``), menus and actions, settings, and the watcher that notices colleagues' commits."""
