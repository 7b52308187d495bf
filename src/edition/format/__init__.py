"""Format stage: every citation formatted by pandoc's citeproc and a CSL style."""
