"""Whether the address a site is built for is one that others can open.

QR codes, copy-link buttons, canonical links and sitemaps carry the build's address; a loopback
one works only on the machine that built it, so such a build is a preview and must say so.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def is_preview_address(root_url: str) -> bool:
    """Whether links made for ``root_url`` work only on this machine (loopback or no host)."""
    host = (urlsplit(root_url).hostname or "").lower()
    return not host or host == "localhost" or host.startswith("127.") or host == "::1"
