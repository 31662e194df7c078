"""The items domain: schemas, repository, service and routes."""
