"""Whether an address is one that others can open: the site's own, and the official pages the data links.

QR codes, copy-link buttons, canonical links and sitemaps carry the build's address; a loopback
one works only on the machine that built it, so such a build is a preview and must say so. Every link in
data/ must be https with a host (is_https_address: the one https-only rule of the data checks).
"""

from __future__ import annotations

from urllib.parse import urlsplit


def is_preview_address(root_url: str) -> bool:
    """Whether links made for ``root_url`` work only on this machine (loopback or no host)."""
    host = (urlsplit(root_url).hostname or "").lower()
    return not host or host == "localhost" or host.startswith("127.") or host == "::1"


def is_https_address(value: object) -> bool:
    """Whether ``value`` is an https:// address with a host and no blanks (what readers' links must be)."""
    if not isinstance(value, str) or not value.startswith("https://") or any(ch.isspace() for ch in value):
        return False
    return bool(urlsplit(value).hostname)
