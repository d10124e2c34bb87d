"""`python -m kl_wahl`: the same entry point as the `kl-wahl` command."""

from kl_wahl.entry import main

raise SystemExit(main())
