"""Every word the reader sees: the catalog of UI strings, number formatting, sentences."""

from dashboard.words.catalog import CHOICES, LEGENDS, STRINGS, choices, legend, pick, t

__all__ = ["CHOICES", "LEGENDS", "STRINGS", "choices", "legend", "pick", "t"]
