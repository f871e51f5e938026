"""Storage and domain operations of rbdesk, in four parts that import one way:
``storage`` (the file) ← ``domain`` (the rules and the reads) ← ``edits`` and ``interchange``.
No Qt here; the window and the command line both call in.

Every query runs inside a store's ``read()`` or ``write()``: the models are bound to a file only
there, so a store is always passed explicitly to the function that uses it.
"""
