"""Robustness sweep of the awaitc tool (test/robustness/README.md)."""
