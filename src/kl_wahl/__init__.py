"""kl-wahl: election facts for Kaiserslautern's mayoral elections in the terminal."""

__version__ = "0.2.0"
