"""Benchmarks and the synthetic plan generator (a package so tests can ``import bench.synth``)."""
