"""rbdesk: the Rencana Aksi Reformasi Birokrasi desktop application."""

__version__ = "0.1.0"
