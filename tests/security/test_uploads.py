"""Path traversal in uploaded file names (protokoll.accounts.uploads)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protokoll.accounts.uploads import MAX_NAME, safe_upload_name, upload_path


@pytest.mark.parametrize(
    ("given_name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system32\\config", "config"),
        ("/var/lib/protokoll/../../root/.ssh/id_rsa", "id_rsa"),
        ("..", "fil"),
        ("...", "fil"),
        (".htaccess", "htaccess"),
        ("protokoll\x00.pdf.exe", "protokoll.pdf.exe"),
        ("Beslutsunderlag §12 – Ärende.pdf", "Beslutsunderlag _12 _ Ärende.pdf"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("bilaga<script>.pdf", "bilaga_script_.pdf"),
        ("", "fil"),
        ("a\u0308ldre.pdf", "äldre.pdf"),  # decomposed ä becomes one character
    ],
)
def test_known_hostile_names(given_name, expected):
    assert safe_upload_name(given_name) == expected


def test_long_name_keeps_extension():
    name = safe_upload_name("x" * 500 + ".pdf")
    assert len(name) <= MAX_NAME and name.endswith(".pdf")


@given(st.text(max_size=300))
def test_any_name_stays_inside_the_folder(tmp_path_factory, name):
    root = tmp_path_factory.getbasetemp() / "uppladdat"
    root.mkdir(exist_ok=True)
    safe = safe_upload_name(name)
    assert safe and "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert not safe.startswith(".") and len(safe) <= MAX_NAME
    path = upload_path(root, name)
    assert path.parent == root.resolve()
