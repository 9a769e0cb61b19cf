"""What the site lets a browser run, written once.

Pure: bytes and text in, text out. The plugin (macros/plugin/) applies it to the build.
"""
from __future__ import annotations

import base64
import hashlib

# A browser refuses a cross-origin script whose integrity it must check (integrity=, with
# crossorigin="anonymous") unless the script's server allows CORS for it: wiki pages load this one
# so, from this site. No other file of the site is read from another origin by a script: embeds are
# iframes, and the embed page loads its own frame.js from its own origin.
CORS_FILES = ("assets/embed/resizer.js",)
CORS_HEADER = ("Access-Control-Allow-Origin", "*")


def integrity(content: bytes) -> str:
    """Subresource Integrity of a file as served: sha384, base64."""
    return "sha384-" + base64.b64encode(hashlib.sha384(content).digest()).decode("ascii")
