"""The plan grid: the item model over the plan snapshot, its filter, the tree view, the month
cell delegate and legend, and structural edits made from the grid."""
