"""What a test does when a server or program it needs is missing."""

import os
from typing import NoReturn

import pytest


def unavailable(message: str) -> NoReturn:
    """A missing service fails the run on CI and skips the tests on a laptop."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
