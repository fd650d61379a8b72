"""The JSON Schema (draft 2020-12) of ``Document.to_dict()``, generated from the records.

:func:`json_schema` walks the attrs records of :mod:`minutes_parser.models`:
each field's type gives its JSON type, its docstring its description, and the
fixed vocabularies of :mod:`minutes_parser.vocab` the allowed values. The
package ships the result as ``minutes_parser/schema.json`` (a test keeps the
file equal to the generated schema; regenerate it with
``python -m minutes_parser.schema > minutes_parser/schema.json``), and the
README's field table is :func:`markdown_table` of the same walk.

>>> schema = json_schema()
>>> schema["$schema"], sorted(schema["$defs"])[:3]
('https://json-schema.org/draft/2020-12/schema', ['Action', 'AgendaItem', 'Body'])
>>> schema["$defs"]["Meeting"]["properties"]["status"]["enum"][:2]
['scheduled', 'confirmed']
"""

from __future__ import annotations

import ast
import datetime as _dt
import inspect
import itertools
import json
import sys
import types
import typing
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs

from . import models, vocab
from .models import SCHEMA, Document, Record

SCHEMA_ID = "https://github.com/minutes-parser/minutes-parser/schema/minutes-parser-1.json"
"""The schema's ``$id`` (a name, not a place the library fetches)."""
SHIPPED = "schema.json"
"""The file in the package holding the generated schema."""

ENUMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("Meeting", "status"): vocab.MEETING_STATUS,
    ("Person", "attendance"): vocab.ATTENDANCE,
    ("Vote", "outcome"): vocab.VOTE_RESULT,
    ("Source", "page_kind"): vocab.PAGE_KINDS,
}
"""Fields whose values are a fixed vocabulary (null allowed where the field is optional)."""


@lru_cache(maxsize=1)
def field_docs() -> dict[tuple[str, str], str]:
    """(record name, field name) → the field's docstring, read from the models' source.

    >>> field_docs()[("Clause", "label")][:30]
    'Printed numbering without brac'
    """
    tree = ast.parse(inspect.getsource(models))
    found: dict[tuple[str, str], str] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        body = node.body
        for here, after in itertools.pairwise(body):
            if (
                isinstance(here, ast.AnnAssign)
                and isinstance(here.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                found[(node.name, here.target.id)] = " ".join(after.value.value.split())
    return found


def _records(root: type[Record] = Document) -> list[type[Record]]:
    """``root`` and every record reachable from its fields, in first-seen order."""
    seen: list[type[Record]] = []
    todo: list[type[Record]] = [root]
    while todo:
        cls = todo.pop(0)
        if cls in seen:
            continue
        seen.append(cls)
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):  # type: ignore[arg-type]
            todo.extend(_nested_records(hints[field.name]))
    return seen


def _nested_records(tp: Any) -> list[type[Record]]:
    if isinstance(tp, type) and issubclass(tp, Record):
        return [tp]
    return [r for arg in typing.get_args(tp) for r in _nested_records(arg)]


def _type(tp: Any) -> dict[str, Any]:
    """JSON Schema for a Python annotation."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        inner = _type(options[0]) if len(options) == 1 else {"anyOf": [_type(a) for a in options]}
        if type(None) not in args:
            return inner
        if set(inner) == {"type"} and isinstance(inner["type"], str):
            return {"type": [inner["type"], "null"]}
        if "$ref" in inner:
            return {"anyOf": [inner, {"type": "null"}]}
        return {**inner, "type": [inner["type"], "null"]} if "type" in inner else {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type(args[0])}
        return {"type": "array", "prefixItems": [_type(a) for a in args], "items": False}
    if isinstance(tp, type) and issubclass(tp, Record):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is _dt.date:
        return {"type": "string", "format": "date"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _record_schema(cls: type[Record]) -> dict[str, Any]:
    docs = field_docs()
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    for field in attrs.fields(cls):  # type: ignore[arg-type]
        prop = _type(hints[field.name])
        enum = ENUMS.get((cls.__name__, field.name))
        if enum is not None:
            nullable = prop.get("type") == ["string", "null"]
            prop = {**prop, "enum": [*enum, None] if nullable else list(enum)}
        if cls is Document and field.name == "schema":
            prop = {**prop, "const": SCHEMA}
        description = docs.get((cls.__name__, field.name))
        if description:
            prop = {"description": description, **prop}
        properties[field.name] = prop
    return {
        "type": "object",
        "description": " ".join((cls.__doc__ or "").split("\n\n")[0].split()),
        "properties": properties,
        "required": list(properties),
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every ``Document.to_dict()`` validates against.

    Every field is required (``to_dict`` writes them all, null when unknown);
    other properties are allowed, since fields are added over time and never
    renamed or dropped.

    >>> json_schema()["properties"]["schema"]["const"]
    'minutes-parser/1'
    """
    defs = {cls.__name__: _record_schema(cls) for cls in _records()}
    top = defs.pop("Document")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "minutes-parser Document",
        **top,
        "$defs": defs,
    }


def shipped_schema() -> dict[str, Any]:
    """The schema file shipped in the package (equal to :func:`json_schema`, a test checks).

    >>> shipped_schema()["title"]
    'minutes-parser Document'
    """
    text = resources.files("minutes_parser").joinpath(SHIPPED).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def dumps() -> str:
    """:func:`json_schema` as the text of the shipped file (keys in field order, 2-space indent).

    >>> dumps().startswith('{\\n  "$schema"')
    True
    """
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _type_name(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        return str(prop["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in prop:
        return " or ".join(_type_name(p) for p in prop["anyOf"])
    kind = prop.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    names = []
    for k in kinds:
        if k == "array":
            names.append(f"[{_type_name(prop['items'])}]" if isinstance(prop.get("items"), dict) else "[str, str]")
        elif k == "string" and prop.get("format") == "date":
            names.append("date")
        else:
            names.append({"string": "str", "integer": "int", "number": "float", "boolean": "bool"}.get(str(k), str(k)))
    return " or ".join(names)


def markdown_table() -> str:
    """The README's field table: every record, field, type and meaning, from :func:`json_schema`.

    >>> markdown_table().splitlines()[0]
    '| record | field | type | meaning |'
    """
    schema = json_schema()
    records = {"Document": schema, **schema["$defs"]}
    lines = ["| record | field | type | meaning |", "|---|---|---|---|"]
    for name, record in records.items():
        for field, prop in record["properties"].items():
            meaning = prop.get("description", "").replace("|", "\\|")
            if "enum" in prop:
                values = ", ".join(f"`{v}`" for v in prop["enum"] if v is not None)
                meaning = f"{meaning} Values: {values}." if values not in meaning else meaning
            lines.append(f"| {name} | `{field}` | {_type_name(prop)} | {meaning} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - the regeneration command
    sys.stdout.write(dumps())
