"""Chart definitions, one module per page (named like the page), and their registry."""
