"""Checks of what editors write: front matter, content, unsafe markup, published addresses, freshness and
external links."""
