"""The rule registry: every rule declared once (`registry`), with its vocabularies (`vocab`)."""
