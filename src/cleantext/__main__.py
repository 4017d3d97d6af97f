"""`python -m cleantext` runs the CLI."""

from .cli import main

raise SystemExit(main())
