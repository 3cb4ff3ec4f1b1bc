"""Answering questions: search over the base, and changes between periods."""
