"""Who may call the API: credentials checked before a request reaches its endpoint."""
