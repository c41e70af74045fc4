import json

import jsonschema
import pytest
from click.testing import CliRunner

from protokoll.cli import main
from protokoll.document import DocumentError, dump_document, example, json_schema, parse_document


@pytest.mark.parametrize("name", ["minimal", "full"])
def test_examples_validate_against_published_schema(name):
    doc = example(name)
    jsonschema.validate(doc.to_json_dict(), json_schema())


def test_full_example_uses_every_field():
    """The full example must exercise every field of every model, or docs and tests miss some."""
    full = example("full").to_json_dict()

    def unused(schema_name, instances):
        props = json_schema()["$defs"][schema_name]["properties"]
        present = set().union(*({k for k, v in i.items() if v not in (None, [], False)} for i in instances))
        return set(props) - present

    items = full["items"]
    assert unused("Item", items) == set()
    assert unused("AttendanceEntry", full["attendance"]) == set()
    assert (
        unused("Vote", [v for i in items for v in i["votes"]])
        - {"abstain", "absent", "casting_vote", "lottery"}
        == set()
    )
    top = set(json_schema()["properties"]) - {k for k, v in full.items() if v not in (None, [])}
    assert top == {"summary"}  # a protocol has no summary text; the summary kind is tested in the importer


def test_round_trip_through_json_is_identical():
    doc = example("full")
    assert parse_document(dump_document(doc)) == doc


def test_invalid_json_names_the_problem():
    with pytest.raises(DocumentError, match="not valid JSON"):
        parse_document("{not json")


def test_schema_error_names_the_field():
    data = example("full").to_json_dict()
    data["items"][1]["votes"][0]["yes"] = -1
    with pytest.raises(DocumentError, match=r"items\[1\]\.votes\[0\]\.yes"):
        parse_document(data)


def test_unknown_field_is_an_error_not_silently_dropped():
    data = example("minimal").to_json_dict()
    data["items"][0]["decison"] = "typo"
    with pytest.raises(DocumentError, match=r"items\[0\]\.decison"):
        parse_document(data)


def test_duplicate_paragraph_is_rejected():
    data = example("minimal").to_json_dict()
    data["items"].append(dict(data["items"][0]))
    with pytest.raises(DocumentError, match="§ 1 occurs twice"):
        parse_document(data)


def test_cli_schema_prints_the_schema():
    out = CliRunner().invoke(main, ["schema"])
    assert out.exit_code == 0
    assert json.loads(out.output)["title"] == "protokoll/1"


def test_published_schema_file_is_current():
    from tests.conftest import REPO

    published = json.loads((REPO / "docs" / "protokoll-1.schema.json").read_text())
    assert published == json_schema(), "run: protokoll schema > docs/protokoll-1.schema.json"
