"""Files attached to items: stored under random names, their records in the database."""
