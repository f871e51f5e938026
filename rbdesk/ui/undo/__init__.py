"""Every edit made in the window as a QUndoCommand: the plan tree and months, the roster,
evidence. Each calls one domain operation."""
