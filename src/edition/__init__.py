"""Build an annotated digital critical edition of a received text from its sources/."""
