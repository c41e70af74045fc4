"""``{% stylesheet_url "stylesheet" %}``: a stylesheet's URL with a digest of its content as the
query string, so a browser holding an older copy (``max-age``) fetches the new one at once after
an upgrade instead of showing new pages with old styles for up to an hour."""

from __future__ import annotations

import hashlib
from functools import cache

from django import template
from django.urls import reverse

from protokoll.web.pages.static import STYLESHEETS

register = template.Library()


@cache
def _digest(name: str) -> str:
    return hashlib.sha256(STYLESHEETS[name]()).hexdigest()[:12]


@register.simple_tag
def stylesheet_url(name: str) -> str:
    return f"{reverse(name)}?v={_digest(name)}"
