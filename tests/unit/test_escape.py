"""Spec text is data: `scaffolder/render/escape.py`, and every blueprint through it.

Three parts: each target syntax on its own (Hypothesis: any text comes back exactly
and nothing else is read); the reproductions of issue 13, each rendered; and the
property over a whole spec — arbitrary text in every free-text slot is refused by
`check` with a SpecError, or renders to Python and Jinja whose structure is the
structure of the same spec with plain text there (so the text added no name, call
or tag), and in which the text is carried exactly.
"""

from __future__ import annotations

import ast
import functools
import html
import io
import json
import tokenize
import tomllib
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import jinja2.nodes
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from scaffolder.cli import app
from scaffolder.errors import SpecError
from scaffolder.migrate.diff import diff_specs
from scaffolder.migrate.revisions import new_revision
from scaffolder.model.names import enum_member_names
from scaffolder.model.spec import Spec
from scaffolder.render import escape
from scaffolder.render.formatting import format_python
from scaffolder.render.resource import ResourceRenderer
from scaffolder.spec import parse_spec

#: Text that has broken generated code before, and the characters around it.
HOSTILE = [
    "{{ cycler.__init__.__globals__.os.system('touch PWNED') }}",
    "{% for x in range(9) %}{% endfor %}{# c #}",
    '"""; import os; os.system("touch PWNED"); """',
    "{__import__('os').system('touch PWNED')}",
    "line one\nimport os  # runs on import",
    "a\\N{BULLET}\\x41\\",
    "'\"`}}]]%}",
    "\u202eevil\u202c \u200f\u05e9\u05dc\u05d5\u05dd",
    "emoji 🎉 and \U0001f600 and é, \u0430 (Cyrillic), \u2013 (en dash)",
]

TEXT = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.text(st.sampled_from([*"{}%#\"'\\\n\r\t <>&`", "\x00", "\u2028", "\ud800", "é"])),
)

FAST = settings(max_examples=150, deadline=None)


def printable(text: str) -> bool:
    return escape.text_problem(text, multiline=True) is None


# ------------------------------------------------------------------ each target


@FAST
@given(TEXT)
def test_python_str_is_a_literal_of_exactly_the_text(text: str) -> None:
    literal = escape.python_str(text)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an invalid escape would be a SyntaxWarning
        tree = ast.parse(f"x = {literal}\n")
    assert ast.literal_eval(tree.body[0].value) == text  # type: ignore[attr-defined]
    assert literal.isascii()
    assert all(c.isprintable() for c in literal)
    # pieces ruff format can lay out within the project's 100 columns
    tokens = tokenize.generate_tokens(io.StringIO(literal).readline)
    assert all(len(t.string) <= 80 for t in tokens if t.type == tokenize.STRING)


@FAST
@given(TEXT)
def test_comment_lines_stay_comments(text: str) -> None:
    source = "".join(f"#: {line}\n" for line in escape.python_comment_lines(text)) + "x = 1\n"
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    code = [t for t in tokens if t.type not in (tokenize.COMMENT, tokenize.NL)]
    assert [t.string for t in code if t.string.strip()] == ["x", "=", "1"]
    assert source.isascii()
    assert len(source.splitlines()) == len(source.split("\n")) - 1  # no other line breaks
    # no pragma can form after the comment's own `#:` (a noqa or ruff-noqa directive)
    assert all(line.count("#") == 1 for line in source.splitlines()[:-1])


@pytest.mark.parametrize(
    "pragma", ["# noqa", "# type: ignore", "# ruff: noqa", "# pyright: basic", "# fmt: off"]
)
def test_a_pragma_in_help_text_does_not_reach_the_tools(pragma: str) -> None:
    (line,) = escape.python_comment_lines(f"see {pragma}")
    assert line == f"see \\x23{pragma[1:]}"


@FAST
@given(TEXT)
def test_docstring_text_cannot_close_the_docstring(text: str) -> None:
    source = f'"""{escape.python_docstring(text, width=30)}"""\n'
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tree = ast.parse(source)
    assert len(tree.body) == 1
    docstring = ast.get_docstring(tree, clean=False)
    assert docstring is not None
    # wrapping turns spaces into line breaks (and cuts overlong words), nothing else
    assert "".join(docstring.split()) == "".join(text.split())


@FAST
@given(TEXT.filter(printable))
def test_html_text_is_template_data_shown_as_written(text: str) -> None:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    source = f'<p title="{escape.html_attribute(text)}">{escape.html_text(text)}</p>'
    parsed = env.parse(source)
    assert [type(n).__name__ for n in parsed.find_all(jinja2.nodes.Node)] == [
        "Output",
        "TemplateData",
    ]
    rendered = env.from_string(source).render()
    assert html.unescape(rendered) == f'<p title="{text}">{text}</p>'
    assert "<" not in escape.html_text(text)
    assert '"' not in escape.html_attribute(text)


@FAST
@given(TEXT)
def test_jinja_str_is_a_jinja_string_literal(text: str) -> None:
    env = jinja2.Environment(autoescape=False)
    source = "{{ " + escape.jinja_str(text) + " }}"
    parsed = env.parse(source)
    consts = list(parsed.find_all(jinja2.nodes.Const))
    assert [c.value for c in consts] == [text]
    assert "}}" not in escape.jinja_str(text)
    assert "%}" not in escape.jinja_str(text)


@FAST
@given(TEXT.filter(printable))
def test_toml_str_is_a_toml_string(text: str) -> None:
    assert tomllib.loads(f"description = {escape.toml_str(text)}\n")["description"] == text


def markdown_paragraph_text(markdown: str) -> str | None:
    """The text of `markdown` if it renders as one paragraph of plain text, else None."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(markdown)
    if not tokens:
        return ""
    if [t.type for t in tokens] != ["paragraph_open", "inline", "paragraph_close"]:
        return None
    children = tokens[1].children or []
    if any(child.type not in ("text", "softbreak") for child in children):
        return None
    return "".join(child.content for child in children)


@FAST
@given(TEXT.filter(lambda text: escape.text_problem(text) is None))
@example("<script>alert(1)</script> [x](javascript:alert(1)) ![i](x.png) *b* `c`")
@example("# heading")
@example("1. a list")
@example("> quote &amp; ~~gone~~ a|b")
def test_markdown_text_is_one_paragraph_of_exactly_the_text(text: str) -> None:
    shown = markdown_paragraph_text(escape.markdown_text(text))
    assert shown is not None, escape.markdown_text(text)
    assert shown.split() == text.split()  # Markdown folds runs of spaces


@pytest.mark.parametrize(
    ("text", "multiline", "problem"),
    [
        ('ok {{ }} """ \\ 🎉 \u200f', False, None),
        ("a\nb", True, None),
        ("a\tb", True, None),
        ("a\tb", False, "a control character (U+0009) at character 2"),
        ("a\nb", False, "a line break (U+000A) at character 2"),
        ("a\rb", True, "a line break (U+000D) at character 2"),
        ("a\u2028", False, "a line break (U+2028) at character 2"),
        ("\x00", True, "a control character (U+0000) at character 1"),
        ("x\x85", True, "a control character (U+0085) at character 2"),
        ("\ud800", True, "a lone surrogate (U+D800) at character 1"),
        ("\udf89\ud83c", True, "a lone surrogate (U+DF89) at character 1"),
        (
            "a\ud83c\udf89",  # JSON's escape of one emoji, which YAML reads as two
            False,
            "a UTF-16 surrogate pair at character 2 (YAML writes this character `\\U0001F389`)",
        ),
    ],
)
def test_text_problem(text: str, multiline: bool, problem: str | None) -> None:
    assert escape.text_problem(text, multiline=multiline) == problem


# ------------------------------------------------------------------ reproductions

PACKAGE = "app"


def render(spec: Spec, *, formatted: bool = True) -> dict[str, str]:
    renderer = ResourceRenderer(spec, PACKAGE)
    tree: dict[str, str] = {}
    for resource in spec.resources:
        tree.update(renderer.render(resource))
    return format_python(tree, PACKAGE) if formatted else tree


def spec_of(fields: str, admin: str = "") -> Spec:
    text = (
        "version: 1\nresources:\n  Author:\n    fields:\n      name: str(80)\n"
        f"  Post:\n    fields:\n{fields}{admin}"
    )
    return parse_spec(text, "spec.yaml")


def test_a_newline_in_help_does_not_end_the_model_comment() -> None:
    spec = spec_of(
        "      title:\n        type: str\n"
        "        help: \"first\\nraise SystemExit('ran')\\u2028x\"\n"
    )
    model = render(spec)["app/models/post.py"]
    tree = ast.parse(model)
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Raise)]
    assert "    #: first\\nraise SystemExit('ran')\\u2028x\n" in model


def test_a_ref_label_is_not_pasted_into_an_f_string() -> None:
    spec = spec_of(
        "      author:\n        type: ref(Author)\n"
        "        label: \"{__import__('os').system('exit 3')}\"\n"
    )
    service = render(spec)["app/services/post.py"]
    calls = {ast.unparse(n.func) for n in ast.walk(ast.parse(service)) if isinstance(n, ast.Call)}
    assert "__import__" not in calls
    assert "__import__('os').system('exit 3')" in service  # inside a plain string
    assert not [
        v
        for n in ast.walk(ast.parse(service))
        if isinstance(n, ast.JoinedStr)
        for v in n.values
        if isinstance(v, ast.FormattedValue) and "__import__" in ast.unparse(v)
    ]


def test_a_searched_label_is_data_of_the_admin_never_jinja_source() -> None:
    payload = "{{ cycler.__init__.__globals__ }}{% set x = 1 %}"
    spec = spec_of(
        f"      title:\n        type: str\n        label: '{payload}'\n",
        "    admin:\n      search: [title]\n",
    )
    tree = render(spec)
    assert payload in set(python_strings(tree["app/admin/post.py"]))  # a column's label
    for path, page in tree.items():
        if path.endswith(".html"):
            names = {n.name for n in jinja2.Environment().parse(page).find_all(jinja2.nodes.Name)}
            assert "cycler" not in names, path


def test_a_label_check_accepts_renders_without_a_blueprint_bug() -> None:
    spec = spec_of(
        "      title:\n        type: str(200)\n"
        "        label: 'T \" '' \\ }}'\n"
        '        help: "line\\nnext \\"\\"\\" end"\n'
        '        default: "d \\" \' \\\\ {{ 1+1 }} \\n x"\n'
        "      author:\n        type: ref(Author)\n        label: '{x} \"'\n"
        '      status: "enum(draft, \'a \\\\ \\" {{ 7*7 }} }} b {% if 1 %}\', x\\\\y)"\n',
        "    admin:\n      search: [title]\n      filters: [status, author]\n",
    )
    tree = render(spec)  # format_python raised "a blueprint bug" on this spec
    for path, text in tree.items():
        if path.endswith(".py"):
            ast.parse(text)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('label: "\\ud800"', "`label` holds a lone surrogate (U+D800)"),
        ('help: "a\\0b"', "`help` holds a control character (U+0000)"),
        ('label: "two\\nlines"', "`label` holds a line break (U+000A)"),
        ('default: "\\udfff"', "the default holds a lone surrogate (U+DFFF)"),
    ],
)
def test_check_refuses_text_no_file_can_carry(text: str, where: str) -> None:
    with pytest.raises(SpecError) as raised:
        spec_of(f"      title:\n        type: str\n        {text}\n")
    (problem,) = raised.value.problems
    assert where in problem.message
    assert problem.line == 10
    assert "printable" in (problem.hint or "")


def test_check_refuses_a_lone_surrogate_in_an_enum_value() -> None:
    with pytest.raises(SpecError) as raised:
        spec_of("      status: \"enum(a, '\\ud800')\"\n")
    assert "holds a lone surrogate" in raised.value.problems[0].message


runner = CliRunner()


def test_description_cannot_break_out_of_the_package_docstring(tmp_path: Path) -> None:
    description = '"""; import os; os.system("exit 3"); """ \\N{BULLET} é 🎉'
    result = runner.invoke(
        app, ["new", str(tmp_path / "demo"), "--defaults", "--data", f"description={description}"]
    )
    assert result.exit_code == 0, result.output
    package = (tmp_path / "demo" / "demo" / "__init__.py").read_text()
    tree = ast.parse(package)
    assert len(tree.body) == 1
    docstring = ast.get_docstring(tree)
    assert docstring is not None
    assert docstring.split() == f"demo: {description}".split()  # wrapped at spaces
    pyproject = tomllib.loads((tmp_path / "demo" / "pyproject.toml").read_text())
    assert pyproject["project"]["description"] == description
    readme = (tmp_path / "demo" / "README.md").read_text()
    paragraph = readme.split("\n\n")[1]
    assert markdown_paragraph_text(paragraph) == description


@pytest.mark.parametrize("value", ["two\nlines", "nul\x00", "bell\x07"])
def test_new_refuses_data_text_no_file_can_carry(tmp_path: Path, value: str) -> None:
    result = runner.invoke(
        app, ["new", str(tmp_path / "demo"), "--defaults", "--data", f"description={value}"]
    )
    assert result.exit_code == 2, result.output
    assert "--data description: the value holds" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "demo").exists()


# ------------------------------------------------------------------ the property


def enum_shorthand(values: list[str]) -> str:
    """`enum(…)` with each value quoted by a quote it does not hold."""
    quoted = [("'" if "'" not in value else '"').join(("", value, "")) for value in values]
    return "enum(" + ", ".join(quoted) + ")"


def spec_text(t: dict[str, Any]) -> str:
    """A spec with the texts of `t` in every free-text slot, as JSON (which is YAML)."""
    status = {"type": enum_shorthand(t["values"]), "label": t["enum_label"]}
    status["default"] = t["values"][0]
    post = {
        "fields": {
            "title": {"type": "str(200)", "label": t["label"], "help": t["help"]},
            "body": {"type": "text", "nullable": True, "label": t["label2"], "default": t["text"]},
            "status": status,
            "author": {"type": "ref(Author)", "label": t["ref_label"], "help": t["help2"]},
            "tags": {"type": "many(Tag)", "label": t["many_label"]},
            "meta": {"type": "json", "nullable": True, "default": {t["key"]: t["text2"]}},
            "code": {"type": "str(80)", "default": t["text3"]},
        },
        "display": "title",
        "admin": {
            "list": ["title", "status", "author"],
            "search": ["title", "body"],
            "filters": ["status", "author"],
        },
    }
    resources = {
        "Author": {"fields": {"name": "str(80)"}},
        "Tag": {"fields": {"name": {"type": "str(40)", "label": t["label3"]}}},
        "Post": post,
    }
    # not ASCII: YAML reads JSON's `\\ud83c\\udf89` as two lone surrogates, not one emoji
    return json.dumps({"version": 1, "resources": resources}, ensure_ascii=False)


SLOTS = ("label", "label2", "label3", "enum_label", "ref_label", "many_label", "help", "help2")
SLOTS_TEXT = ("text", "text2", "text3", "key")


def plain(text: str) -> str:
    """The benign stand-in of a text: empty when it is, so every `if` goes the same way."""
    return "x" if text else ""


def benign(t: dict[str, Any]) -> dict[str, Any]:
    """The same spec with plain text: enum values become their member names, which the
    hostile values also get, so the two renderings name the same things."""
    out: dict[str, Any] = {k: plain(t[k]) for k in (*SLOTS, *SLOTS_TEXT)}
    out["values"] = enum_member_names(t["values"])
    return out


#: Characters `check` accepts in one-line text, the troublesome ones often.
LINE_CHARS = st.one_of(
    st.sampled_from([*"{}%#\"'\\<>&`()[],=:;!?$ ", "\u200f", "\u202e", "é", "\u0430", "🎉"]),
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
)
ONE_LINE = st.one_of(
    st.sampled_from([h for h in HOSTILE if "\n" not in h]), st.text(LINE_CHARS, max_size=30)
)
MULTILINE = st.one_of(
    st.sampled_from(HOSTILE), st.text(st.one_of(LINE_CHARS, st.sampled_from("\n\t")), max_size=30)
)


def texts(one_line: st.SearchStrategy[str], multiline: st.SearchStrategy[str]) -> Any:
    """Texts for every slot of `spec_text`."""
    return st.fixed_dictionaries(
        {
            **{slot: one_line for slot in SLOTS if not slot.startswith("help")},
            **dict.fromkeys(("help", "help2", "text", "text2", "text3"), multiline),
            "key": multiline,
            # a shorthand value is quoted with a quote it does not hold: not both kinds
            "values": st.lists(
                one_line.map(lambda v: v.replace('"', "") if "'" in v else v).filter(bool),
                min_size=1,
                max_size=3,
            ),
        }
    )


#: Mostly text `check` accepts (so most examples render), sometimes anything at all.
TEXTS = st.one_of(texts(ONE_LINE, MULTILINE), texts(TEXT, TEXT))


@functools.lru_cache(maxsize=256)
def python_shape(source: str) -> str:
    """The AST of a module with every constant blanked: its names, calls and structure.

    Parsed with warnings as errors: an invalid escape sequence is a SyntaxWarning.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant):
            node.value = None
    return ast.dump(tree)


def python_strings(source: str) -> Iterator[str]:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


JINJA = jinja2.Environment(autoescape=True)


@functools.lru_cache(maxsize=256)
def jinja_shape(source: str) -> str:
    """A generated template's parse tree with its data and literals blanked."""

    def walk(node: jinja2.nodes.Node) -> str:
        fields = []
        for name, value in node.iter_fields():
            if isinstance(node, jinja2.nodes.TemplateData | jinja2.nodes.Const):
                continue
            if isinstance(value, jinja2.nodes.Node):
                fields.append(f"{name}={walk(value)}")
            elif isinstance(value, list):
                items = [walk(v) if isinstance(v, jinja2.nodes.Node) else repr(v) for v in value]
                fields.append(f"{name}=[{', '.join(items)}]")
            else:
                fields.append(f"{name}={value!r}")
        return f"{type(node).__name__}({', '.join(fields)})"

    return walk(JINJA.parse(source))


def migration(t: dict[str, Any], spec: Spec) -> str:
    """The revision adding `Post.code` to the database of `spec` without it: existing
    rows get its default, written into the migration (`server_default`)."""
    data = json.loads(spec_text(t))
    del data["resources"]["Post"]["fields"]["code"]
    old = parse_spec(json.dumps(data, ensure_ascii=False), "old.yaml")
    changes = diff_specs(old, spec)
    assert any("server_default" in line for line in changes.upgrade), changes.upgrade
    _, text = new_revision({}, "Add code.", "add_code", changes.upgrade, changes.downgrade)
    return text


def load(t: dict[str, Any]) -> Spec | None:
    try:
        return parse_spec(spec_text(t), "spec.yaml")
    except SpecError as error:
        problems = error.problems
    assert problems
    for problem in problems:
        assert problem.hint or problem.example, problem
    return None


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
@example(
    {
        **{s: HOSTILE[i % len(HOSTILE)] for i, s in enumerate((*SLOTS, *SLOTS_TEXT))},
        "values": ["draft", HOSTILE[0], HOSTILE[6]],
    }
)
def test_any_text_in_any_slot_is_refused_or_stays_data(t: dict[str, Any]) -> None:
    spec = load(t)
    event("refused by check" if spec is None else "rendered")
    if spec is None:
        return
    baseline = load(benign(t))
    assert baseline is not None, "plain text in the same places must be accepted"
    hostile_tree, plain_tree = render(spec, formatted=False), render(baseline, formatted=False)
    hostile_tree["migration.py"] = migration(t, spec)
    plain_tree["migration.py"] = migration(benign(t), baseline)
    assert sorted(hostile_tree) == sorted(plain_tree)
    for path, text in hostile_tree.items():
        if text == plain_tree[path]:
            continue  # no text of `t` in this file
        if path.endswith(".py"):
            # no character of the text is written raw (`é`, a right-to-left override)
            assert set(text) - set(plain_tree[path]) <= set(map(chr, range(32, 127))), path
            assert python_shape(text) == python_shape(plain_tree[path]), path
        elif path.endswith(".html"):
            assert jinja_shape(text) == jinja_shape(plain_tree[path]), path
    assert t["text3"] in set(python_strings(hostile_tree["migration.py"]))  # server_default
    schemas = set(python_strings(hostile_tree["app/schemas/post.py"]))
    for slot in ("help", "help2", "text", "text3"):  # descriptions and defaults
        assert t[slot] in schemas | {""}, slot
    form = set(python_strings(hostile_tree["app/forms/post.py"]))
    for slot in ("label", "label2", "ref_label", "many_label"):
        if t[slot]:
            assert t[slot] in form, slot
    model = hostile_tree["app/models/post.py"]
    assert set(t["values"]) <= set(python_strings(model))
