"""Afterword's core: models, rules and storage, free of any UI library."""
