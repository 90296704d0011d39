"""plancheck: plans as data, progress as pull requests, status as a website."""

__version__ = "0.1.0"
