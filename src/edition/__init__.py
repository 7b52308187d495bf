"""Build the annotated digital critical edition of Tony Cliff's chapter."""
