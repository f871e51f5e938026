"""Whole files in and out: the JSON dump and load, the built-in 2024 sample, a plan imported
from a workbook, and merging a copy that was edited apart."""
