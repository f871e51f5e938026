"""The printed documents: the SK with Lampiran I and II and the monthly report, on A4 or F4.
``grid``/``paginate``/``page_table`` lay out tables that span many pages; the other modules
each write one document."""
