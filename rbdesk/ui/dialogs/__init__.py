"""Dialogs: common prompts, the roster forms, Riwayat (history), merging a copy, restoring a
backup."""
