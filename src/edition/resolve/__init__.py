"""Resolve stage: the model's parts tied to one another: citations to bibliography
entries, mentions to glossary entries, interventions, editors' notes and events to
their places in the text."""
