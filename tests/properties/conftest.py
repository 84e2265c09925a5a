"""Property-based tests: generated input, a bounded number of examples, so `make test` stays quick."""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "listening",
    max_examples=150,
    deadline=None,  # a busy CI machine must not fail a test for being slow
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("listening")
