"""The rules of the plan, each defined once (``hierarchy``, ``months``, ``progress``), and the
reads built on them: the plan snapshot (``tree``), small reads for the window (``node_reads``),
the side panels' figures, the monthly report, the change log (``history``)."""
