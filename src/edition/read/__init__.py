"""Read stage: the sources (the received chapter, its structure, notes, bibliography,
registers and lock) into the data model, each input checked as it is read."""
