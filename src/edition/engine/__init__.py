"""The site generator's stage: MkDocs (or Zensical) turns the rendered pages into HTML,
and what its templates write that no hook reaches is put right."""
