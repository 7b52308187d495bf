"""Render stage: the whole edition as one TEI P5 document.

The received text goes into `text/body` as `div`/`head`/`p`/`quote`/`table`, each
numbered block with the `n` and `xml:id` readers cite on the site. The author's notes
stand where he calls them (`note type="authorial" n=…`), each citation in them a
`bibl` pointing into the `listBibl` made from bibliography.bib. Glossary mentions
are `persName`/`orgName`/`term`/`rs` pointing into registers made from the
glossary; interventions are `choice` with `sic` and `corr` (a lost figure is a
`gap`), with the editors' reasons in the back matter; the editors' notes are
`note type="editorial"`. Editors' additions carry `resp="#editors"`, so the words
of the received file can be read back out of the document (`fidelity.tei_views`).
"""
