"""Guards against a Qt binding that corrupts reference counts (PySide6 6.12.0 on CPython 3.11).

Such a build aborts the interpreter after a few thousand Qt calls; this test names the cause
instead of letting the suite die at a random place.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_and_bool_calls_keep_singleton_references() -> None:
    obj = QObject()
    none_before, false_before = sys.getrefcount(None), sys.getrefcount(False)
    for _ in range(500):
        obj.setObjectName("x")
        obj.signalsBlocked()
    assert sys.getrefcount(None) >= none_before - 50
    assert sys.getrefcount(False) >= false_before - 50
