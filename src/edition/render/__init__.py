"""Render stage: the model, resolved and formatted, written out: the generated pages,
the data files, the citation files, the TEI document and the exports."""
