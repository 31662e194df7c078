"""GraphQL at /graphql, on the item service the REST API uses (Strawberry)."""
