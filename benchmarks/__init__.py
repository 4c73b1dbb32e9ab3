"""Benchmarks (see run.py): `python -m benchmarks [--quick]`."""
