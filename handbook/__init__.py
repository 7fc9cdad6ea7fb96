"""Build tooling, content model and checks for the Welcome to Region Stuttgart handbook.

The MkDocs hooks in ``hooks/`` are thin adapters over the plain functions here,
so that every rule can be tested without building a site.
"""
