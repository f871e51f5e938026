"""Qt user interface. Calls into rbdesk.models; holds no SQL."""
