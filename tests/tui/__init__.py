"""TUI tests: Pilot through real keys, markup inputs, snapshots."""
