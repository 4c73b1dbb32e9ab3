"""Every word the reader sees: the catalog of UI strings, number formatting, sentences."""

from dashboard.words.catalog import STRINGS, choices, legend, pick, t

__all__ = ["STRINGS", "choices", "legend", "pick", "t"]
