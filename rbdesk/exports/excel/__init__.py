"""The workbook: writing it (``write``, ``sheet``), and reading a plan back from it or from a
hand-made sheet laid out the same way (``read`` → ``rows`` → ``header`` → ``cells`` → ``layout``),
safely (``safety``)."""
