import os

from hypothesis import settings

# A fixed, bounded profile so property tests are reproducible and CI-sized.
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
