"""excel: the statutory tables as a workbook a clerk fills in, and that workbook read back.

``template`` writes it from the same table specs as the DOCX and PDF (``layouts/``), ``reader``
finds every figure again by its row and column labels, and ``importer`` merges what it read
into a data file, recomputing the totals and checking them as ``gongwen check`` does.
"""
