"""The statistics catalog: database schema, publisher loaders, curated metadata and retrieval index."""
