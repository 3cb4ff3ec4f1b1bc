"""Reading articles: every number of a text with its kind, value, unit, qualifier and period; a curator's draft of
a new article; and the proof of a base's figures and coverage against its sources."""
