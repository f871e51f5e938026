"""Translation hook shared by the Qt and non-Qt layers.

User-visible text is written in Bahasa Indonesia and wrapped in ``tr()`` so that a catalogue can be
plugged in later without touching call sites. The UI layer installs Qt's translator as the backend;
the command line and the models use the identity catalogue.
"""

from collections.abc import Callable

_backend: Callable[[str, str], str] | None = None


def install(backend: Callable[[str, str], str] | None) -> None:
    global _backend
    _backend = backend


def tr(text: str, context: str = "rbdesk") -> str:
    if _backend is None:
        return text
    return _backend(context, text)


def N_(text: str) -> str:  # the customary gettext marker name
    """Marks a literal kept in a table for the translation catalogue; ``tr()`` it where shown."""
    return text
