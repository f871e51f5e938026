"""The application and its main window: start-up (``app``), the actions (``action_table``,
``actions``) and their code, and the watcher that notices colleagues' commits."""
