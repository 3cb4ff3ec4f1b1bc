"""pcli: look up cited figures on Hanoi's sustainable poverty reduction."""

__version__ = "0.1.0"
