"""pcli: look up cited figures in fact bases (the bundled one: Hanoi's sustainable poverty reduction)."""

__version__ = "0.1.0"
