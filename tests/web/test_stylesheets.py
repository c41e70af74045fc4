"""Every page type links its stylesheet with a version of the content in the URL, and holds no
<style> element (the CSP allows styles from the site's own files only)."""

from __future__ import annotations

import hashlib
import re

import pytest

from tests.web.helpers import text_of, url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "{protocol}", "/nope/", "/konto/logga-in/", "/anslagstavla/"])
def test_the_stylesheet_url_carries_a_digest_of_what_it_serves(client, full, path):
    page = client.get(path.format(protocol=url(full)))
    html = text_of(page)
    assert "<style" not in html.lower()
    hrefs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert len(hrefs) == 1, hrefs
    address, _, digest = hrefs[0].partition("?v=")
    css = client.get(hrefs[0])
    assert css.status_code == 200 and css["Content-Type"].startswith("text/css")
    assert css.content == client.get(address).content
    assert digest == hashlib.sha256(css.content).hexdigest()[:12]
