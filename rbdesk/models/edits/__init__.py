"""Changes people make: the plan tree and its schedule, realisation and evidence, the roster.
Each is one short write transaction, checked against the version the user saw, and logged."""
