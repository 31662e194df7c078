"""The users' HTTP routes: registration, your account, and the admin's list of accounts."""
