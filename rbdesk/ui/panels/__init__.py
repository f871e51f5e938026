"""The side panels (docks): Tim (roster), Bulan ini (this month) and Bukti dukung (evidence),
with their item models."""
