"""Afterword's terminal UI (Textual): thin screens over `core`."""
