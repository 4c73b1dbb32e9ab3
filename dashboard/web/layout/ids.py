"""Component IDs of the app shell, defined once (pages define theirs at their top)."""

URL = "url"
NAV = "site-nav"
LANG_LINK = "lang-link"
LANG_STORE = "lang-store"
HASH_STORE = "hash-store"
SKIP = "skip-link"
SITE_TITLE = "site-title"
TAGLINE = "site-tagline"
FOOTER_TEXT = "footer-text"
DOWNLOAD_ALL = "download-all"
A11Y_LINK = "a11y-link"  # the accessibility statement, in every footer
OPEN_DATA_LINKS = "open-data-links"  # "Hva er nytt" and "Åpne data og API", in every footer
STATUS = "view-status"  # the one live region announcing filter changes
PRINT_LABEL = "print-label"  # "Skrevet ut fra", printed under every page ...
PRINT_URL = "print-url"  # ... with the view's address (assets/print.js fills it)


def page(page_name: str, name: str) -> str:
    """A page-local ID: `<page>-<name>`, so two pages never clash."""
    return f"{page_name}-{name}"
