"""The eight change areas (area perubahan) of the national road map of bureaucratic reform.

Named as KPU Kota Kupang's 2024 decree names them (resources/sample/kupang_2024.json), in the
road map's order; a new plan can start from them instead of from nothing.
"""

from __future__ import annotations

STANDARD_AREAS: tuple[tuple[str, str], ...] = (
    ("1", "Manajemen Perubahan"),
    ("2", "Penguatan Peraturan Perundang-Undangan/Deregulasi Kebijakan"),
    ("3", "Penguatan Kelembagaan"),
    ("4", "Penguatan Tata Laksana"),
    ("5", "Penguatan Sistem manajemen SDM ASN"),
    ("6", "Penguatan Akuntabilitas Kinerja"),
    ("7", "Penguatan Pengawasan"),
    ("8", "Peningkatan Kualitas Pelayanan Publik"),
)
