"""docs/rules.md names every public rule function, and every function it names exists."""

import importlib
import inspect
import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
MODULES = ["calendar", "deadlines", "voting", "attendance", "delegation", "klassa"]


def public_functions(module_name):
    module = importlib.import_module(f"protokoll.domain.{module_name}")
    return {
        name
        for name, obj in vars(module).items()
        if inspect.isfunction(obj) and not name.startswith("_") and obj.__module__ == module.__name__
    }


@pytest.mark.parametrize("module_name", MODULES)
def test_every_rule_function_is_documented(module_name):
    text = DOC.read_text("utf-8")
    missing = {f for f in public_functions(module_name) if f"{module_name}.{f}" not in text}
    # Helpers that carry no rule of their own are exempt by name, so the list stays deliberate.
    missing -= {"midsummer_eve", "paragraphs_in", "standard_table", "load_table"}
    assert not missing, f"docs/rules.md does not mention {sorted(missing)}"


def test_every_documented_function_exists():
    text = DOC.read_text("utf-8")
    for module_name, name in re.findall(r"`(\w+)\.(\w+)`", text):
        if module_name not in MODULES:
            continue
        module = importlib.import_module(f"protokoll.domain.{module_name}")
        assert hasattr(module, name), f"{module_name}.{name}"


def test_every_function_docstring_cites_its_source():
    for module_name in MODULES:
        module = importlib.import_module(f"protokoll.domain.{module_name}")
        for name in public_functions(module_name):
            doc = inspect.getdoc(getattr(module, name)) or ""
            assert re.search(r"DOMAIN \d|KL \d|lag 1930:173|Lag \(1930:173\)", doc), f"{module_name}.{name}"
