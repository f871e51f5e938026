"""Subcommands of the command line, one module per group; each defines ``register``."""
