"""Where a loaded base is kept: in memory, or in an SQLite cache beside it."""
