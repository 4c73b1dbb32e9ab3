"""Outputs: what leaves the site besides the pages.

Downloads (CSV, Excel, all data), chart images, embeds, the report ZIP, slides for
Møtemodus and its agenda, share links and QR codes; `links` builds their URLs and is a
leaf, so the pages can link to any output without importing it.
"""
