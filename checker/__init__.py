"""plancheck: plans as data, progress as pull requests, status as a website."""

