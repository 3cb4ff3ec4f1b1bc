"""One declaration of every record kind of a fact base: its keys, their types, which are required, what they
refer to and which are text in three languages. Loading, validation, the exported columns, the JSON shape and
SCHEMA.md's table all come from here (a test holds SCHEMA.md to `markdown_table()`).
"""

from __future__ import annotations

LANGS = ("en", "vi", "id")
QUALIFIERS = ("more_than", "nearly", "up_to", "about", "basically", "under", "at_least")
CITATION_QUALIFIERS = (*QUALIFIERS, "none")
STATUSES = ("achieved", "target")
UNIT_KINDS = ("count", "percent", "currency")
SCHEMA_VERSION = 1

# What a key may hold: "ident" a record's own id (ASCII letters, digits, "-", "_", "."), "id" a reference to one
# and "str" a non-empty string, "any_str" any string, "text" a table of the three
# languages, "number" a finite number, "int", "bool", "period", "choice" one of `choices`, "strings" a list of
# strings, "refs" a list of ids of another table, "citations" a non-empty list of citations, "words" free text for
# people: a string, or a table of the three languages as "text" is (shown in the reader's language).
TYPES = ("ident", "id", "str", "any_str", "text", "words", "number", "int", "bool", "period", "choice", "strings", "refs",
         "citations")  # fmt: skip


class Field:
    __slots__ = ("name", "type", "required", "ref", "choices", "doc")

    def __init__(
        self, name: str, type: str, required: bool = False, ref: str = "", choices: tuple[str, ...] = (), doc: str = ""
    ) -> None:
        assert type in TYPES, type
        self.name, self.type, self.required, self.ref, self.choices, self.doc = name, type, required, ref, choices, doc

    def describe(self) -> str:
        """`name` with what SCHEMA.md says of it in brackets."""
        extra = self.doc
        if not extra and self.type == "choice":
            extra = ", ".join(self.choices)
        elif not extra and self.ref:
            extra = f"{SINGULAR[self.ref]} id" + ("s" if self.type == "refs" else "")
        elif not extra and self.type == "text":
            extra = "text in en, vi, id"
        elif not extra and self.type == "words":
            extra = "a string, or text in en, vi, id"
        return f"`{self.name}`" + (f" ({extra})" if extra else "")


class Kind:
    """One kind of record: a `[[table]]` of the TOML file."""

    __slots__ = ("table", "fields", "named", "by_name", "required", "required_set", "refs")

    def __init__(self, table: str, fields: tuple[Field, ...], named: bool = False) -> None:
        self.table, self.fields = table, fields
        self.named = named  # its ids share one namespace with figures (`pcli get` finds any of them)
        self.by_name = {f.name: f for f in fields}
        self.required = tuple(f.name for f in fields if f.required)
        self.required_set = frozenset(self.required)
        self.refs = tuple(f for f in fields if f.ref and f.name != "part_of")

    def field(self, name: str) -> Field | None:
        return self.by_name.get(name)


_ID = Field("id", "ident", True)
_NOTE = Field("note", "words")
_CITATIONS = Field("citations", "citations", True)
_TEXT = "text"
_ALIASES = Field("aliases", "strings", doc="other names people search by, any language")

# fmt: off
# One kind a line or two, as a table reads: the formatter would give each key a line of its own.
KINDS: dict[str, Kind] = {k.table: k for k in (
    Kind("sources", (_ID, Field("outlet", "str", True), Field("language", "choice", True, choices=LANGS),
                     Field("date", "any_str"), Field("url", "any_str"),
                     Field("file", "any_str", doc="the source text's file name, for `--sources`"), Field("title", "any_str"),
                     Field("report", "str", doc="sources with the same report are renderings of one report"),
                     Field("rendering_of", "str", doc="what the text is a rendering of, as far as it shows"), _NOTE)),
    Kind("topics", (_ID, Field("label", _TEXT, True))),
    Kind("units", (_ID, Field("kind", "choice", True, choices=UNIT_KINDS), Field("label", _TEXT, True))),
    Kind("indicators", (_ID, Field("topic", "id", True, ref="topics"), Field("unit", "id", True, ref="units"),
                        Field("label", _TEXT, True), Field("aliases", "strings", doc="list of strings, any language"),
                        Field("change", "bool", doc="true: its values are changes, and may be negative or over 100 %"),
                        _NOTE)),
    Kind("figures", (_ID, Field("indicator", "id", True, ref="indicators"), Field("value", "number", True,
                     doc="in base units"), _CITATIONS, Field("period", "period", doc="none when the text gives none"),
                     Field("as_of", "bool", doc="true: the value holds by the period"),
                     Field("part_of", "id", ref="figures", doc="the id of the figure this one is a part of"),
                     Field("place", "words"), Field("qualifier", "choice", choices=QUALIFIERS),
                     Field("status", "choice", choices=STATUSES), _NOTE), named=True),
    Kind("programmes", (_ID, Field("kind", "str", True), Field("name", _TEXT, True), _CITATIONS, Field("period", "period"),
                        Field("documents", "refs", ref="documents"), _ALIASES, _NOTE), named=True),
    Kind("documents", (_ID, Field("number", "str", True), Field("kind", "str", True),
                       Field("issuer", "id", True, ref="agencies"), Field("subject", _TEXT, True), _CITATIONS,
                       Field("year", "int"), _ALIASES, _NOTE), named=True),
    Kind("agencies", (_ID, Field("name", _TEXT, True), Field("role", _TEXT, True), _CITATIONS, _ALIASES, _NOTE), named=True),
    Kind("places", (_ID, Field("kind", "str", True), Field("name", _TEXT, True), _CITATIONS, _ALIASES, _NOTE), named=True),
    Kind("skips", (_ID, Field("source", "id", True, ref="sources"),
                   Field("quote", "str", True, doc="a short verbatim passage that holds the number"),
                   Field("number", "str", True, doc="the number as written"),
                   Field("reason", "str", True, doc="why it is not a figure"))),
)}
CITATION = Kind("citations", (Field("source", "id", True, ref="sources"), Field("quote", "str", True),
                              Field("context", "str", doc="a nearby verbatim passage that dates the quote"),
                              Field("qualifier", "choice", choices=CITATION_QUALIFIERS,
                                    doc="this source's own reading, where it differs")))
TOP_LEVEL = (Field("schema", "int", doc=str(SCHEMA_VERSION)), Field("title", "words"),
             Field("place", "words", doc="the default place of every figure: a string, or text in en, vi, id"))
# fmt: on
ENTITY_TABLES = ("programmes", "documents", "agencies", "places")
SINGULAR = {
    "sources": "source",
    "topics": "topic",
    "units": "unit",
    "indicators": "indicator",
    "figures": "figure",
    "programmes": "programme",
    "documents": "document",
    "agencies": "agency",
    "places": "place",
}


def markdown_table() -> str:
    """The table of SCHEMA.md: each record kind with its required and optional keys."""
    rows = ["| table | required keys | optional keys |", "|---|---|---|"]
    for kind in (*KINDS.values(), CITATION):
        name = f"`[[{kind.table}]]`" if kind is not CITATION else "each of `citations = [{ … }]`"
        required = ", ".join(f.describe() for f in kind.fields if f.required)
        optional = ", ".join(f.describe() for f in kind.fields if not f.required)
        rows.append(f"| {name} | {required} | {optional} |")
    return "\n".join(rows)


def flat_columns(table: str) -> tuple[str, ...]:
    """The columns of a kind as a flat table (CSV, SQLite): text as one column per language, no citations."""
    columns: list[str] = []
    for f in KINDS[table].fields:
        if f.type == "text":
            columns.extend(f"{f.name}_{lang}" for lang in LANGS)
        elif f.type != "citations":
            columns.append(f.name)
    return tuple(columns)
