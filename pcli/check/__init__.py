"""Checking a writer's draft against the base."""
