"""Test harness only: the sitecustomize of the Windows interpreter that runs under wine
(build/windows/python, made by packaging/windows/wine.py; never frozen nor shipped).

Wine 8.0 lacks kernel32's CopyFile2, which shutil.copy2 calls on Windows when _winapi has it
(Python 3.12+): every copy2 - shutil.copytree, PyInstaller's collection - would abort the
interpreter. Without the attribute, copy2 copies as Python did on Windows before 3.12.
"""

import _winapi

if hasattr(_winapi, "CopyFile2"):
    del _winapi.CopyFile2
