"""python -m checker behaves exactly like the plancheck console script."""

from checker.cli import console_main

console_main()
