"""The users domain: accounts, their roles, registration and the admin's list."""
