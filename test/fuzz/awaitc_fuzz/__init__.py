"""Differential fuzzing of awaitc (test/fuzz/README.md)."""
