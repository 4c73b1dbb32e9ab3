"""What a browser gets, by role.

- `serving/`: what every response passes through (context, static files, headers,
  callback cache, hardening, plain routes);
- `outputs/`: what leaves the site besides pages (downloads, images, embeds, report,
  slides, share links);
- `layout/`: the pieces of a page and the frame around it;
- `pages/`: one module per URL;
- `factory.py`: `assemble` puts them together (`dashboard.startup.create_app` builds first).
"""
