"""One module per URL, named like its page; `web.factory` lists them in navigation order."""
