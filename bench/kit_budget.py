"""The size budget of a generated resource (issue 14), measured on the blog example.

    python bench/kit_budget.py                 # the blog, resource Post
    python bench/kit_budget.py --resource Tag --spec path/to/spec.yaml --keep /tmp/blog

What it prints (a report: the exit status is 0 whether the budget holds or not):

1. Lines: the non-blank lines of the files the resource owns (`.scaffold/manifest.json`
   names each generated file's owner), in three kinds, against the budget:
   application Python (model, schemas, service, API, views, admin: every `.py` of the
   package it owns) <= 400, templates (under `PKG/templates/`) <= 120, generated tests
   (under `tests/`) <= 250. Files of the skeleton, such as the kit, belong to the project,
   not to a resource, and are not counted. Every file is listed with its count.
2. Repetition: the pairs of files of two *different* resources that share a block of 12
   or more lines of the same shape (the budget: none). Counted by `same_shape_pairs`
   below, a normalising tokenizer kept in this script so that the figure can be
   reproduced anywhere: blank lines, comments, import lines and lines of lone
   punctuation are skipped; in what is left, every name becomes `N`, every string `S`,
   every number `0` (Python and Jinja keywords stay), white space is folded; two files
   pair when they share 12 consecutive lines so normalised. Where the `duplicates`
   command of the tool library is on PATH, its count of the same pairs (`--min-lines
   12`, rows whose two files have different owners) is printed beside it as a cross-check.

The project is made with this checkout's scaffold from the bundled copy of the blog
spec (`scaffolder/examples/blog.yaml`, the same text as ../shared/examples/blog.yaml),
as bench/app/compare.py makes its own.
"""

from __future__ import annotations

import argparse
import json
import keyword
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SPEC = REPO / "scaffolder" / "examples" / "blog.yaml"

#: Kind of file -> the most non-blank lines one resource may own of it (issue 14).
BUDGET = {"application Python": 400, "templates": 120, "tests": 250}
#: How many consecutive lines of the same shape make a repeated block.
BLOCK = 12
#: Owners in the manifest that are not resources.
NOT_RESOURCES = {"project", "migration"}

JINJA_WORDS = {"block", "endblock", "extends", "include", "macro", "endmacro", "call", "endcall"}
JINJA_WORDS |= {"endfor", "endif", "set", "endset", "with", "endwith", "filter", "endfilter"}
KEEP_WORDS = set(keyword.kwlist) | set(keyword.softkwlist) | JINJA_WORDS
TOKEN = re.compile(
    r"""(?P<string>[rbfu]{0,2}("[^"\\]*(?:\\.[^"\\]*)*"|'[^'\\]*(?:\\.[^'\\]*)*'))"""
    r"|(?P<number>\b\d[\d_.]*\b)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)",
)
PUNCTUATION_ONLY = re.compile(r"[\s()\[\]{},:;]*")


@dataclass(frozen=True)
class Owned:
    path: str
    kind: str
    lines: int


def run(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command to completion; its output, or SystemExit with that output."""
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"`{' '.join(command)}` failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def generate(spec: Path, root: Path) -> None:
    """`scaffold new ROOT --spec SPEC --defaults` with this checkout's scaffold."""
    command = [sys.executable, "-m", "scaffolder", "-q", "new", str(root), "--spec", str(spec)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run([*command, "--defaults"], cwd=root.parent, env=env)


def owners(project: Path) -> dict[str, str]:
    """Generated file -> the resource (or `project`, `migration`) that owns it."""
    manifest = json.loads((project / ".scaffold" / "manifest.json").read_text())
    return {path: entry["owner"] for path, entry in manifest["files"].items()}


def kind_of(path: str, package: str) -> str:
    if path.startswith("tests/"):
        return "tests"
    if path.startswith(f"{package}/templates/"):
        return "templates"
    if path.startswith(f"{package}/") and path.endswith(".py"):
        return "application Python"
    return "other"


def non_blank(path: Path) -> int:
    return sum(1 for line in path.read_text().splitlines() if line.strip())


def owned_files(project: Path, package: str, resource: str) -> list[Owned]:
    return [
        Owned(path, kind_of(path, package), non_blank(project / path))
        for path, owner in sorted(owners(project).items())
        if owner == resource and (project / path).is_file()
    ]


# --- repetition -----------------------------------------------------------------------


def shape(line: str) -> str | None:
    """The line with names, strings and numbers replaced; None for lines that don't count."""
    text = line.strip()
    if not text or PUNCTUATION_ONLY.fullmatch(text):
        return None
    if text.startswith(("#", "{#")) or re.match(r"(from \S+ )?import ", text):
        return None

    def token(match: re.Match[str]) -> str:
        if match.group("string"):
            return "S"
        if match.group("number"):
            return "0"
        word = match.group("name")
        return word if word in KEEP_WORDS else "N"

    return " ".join(TOKEN.sub(token, text).split())


def shapes(path: Path) -> list[tuple[int, str]]:
    """(line number, shape) of every line that counts."""
    numbered = enumerate(path.read_text().splitlines(), start=1)
    return [(number, shaped) for number, line in numbered if (shaped := shape(line)) is not None]


@dataclass(frozen=True)
class Pair:
    first: str
    second: str
    span: tuple[int, int, int, int]  # the longest shared run: lines a-b of first ~ c-d of second
    windows: int  # how many BLOCK-line windows of one shape the two files share


def longest_run(
    starts: list[tuple[int, int]], first: list[tuple[int, str]], second: list[tuple[int, str]]
) -> tuple[int, int, int, int]:
    """Line span of the longest chain of aligned shared windows (i, j), (i+1, j+1)…"""
    chains: dict[tuple[int, int], int] = {}
    for i, j in sorted(starts):
        chains[(i, j)] = chains.get((i - 1, j - 1), 0) + 1
    (i, j), length = max(chains.items(), key=lambda item: item[1])
    i0, j0 = i - length + 1, j - length + 1
    last = BLOCK - 1
    return first[i0][0], first[i + last][0], second[j0][0], second[j + last][0]


def same_shape_pairs(project: Path, files: Iterable[tuple[str, str]]) -> list[Pair]:
    """Pairs of files of different owners sharing BLOCK consecutive lines of one shape."""
    owner_of = dict(files)
    lines = {path: shapes(project / path) for path in sorted(owner_of)}
    places: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
    for path, shaped in lines.items():
        for start in range(len(shaped) - BLOCK + 1):
            window = tuple(text for _, text in shaped[start : start + BLOCK])
            places[window].append((path, start))
    shared: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for spots in places.values():
        for index, (a, i) in enumerate(spots):
            for b, j in spots[index + 1 :]:
                if owner_of[a] != owner_of[b]:  # spots are in path order: a < b
                    shared[(a, b)].append((i, j))
    pairs = [
        Pair(a, b, longest_run(starts, lines[a], lines[b]), len(starts))
        for (a, b), starts in shared.items()
    ]
    return sorted(pairs, key=lambda pair: (-pair.windows, pair.first, pair.second))


def duplicates_tool(project: Path, owner_of: dict[str, str]) -> int | None:
    """The `duplicates` command's count of pairs between two resources; None without it."""
    if shutil.which("duplicates") is None:
        return None
    command = ["duplicates", "--repo", str(project), "--min-lines", str(BLOCK)]
    output = run([*command, "--most", "200", "--seconds", "120"], cwd=project)
    rows = re.findall(r"^D\d+ (\S+?):\d+-\d+ ~ (\S+?):\d+-\d+", output, flags=re.MULTILINE)
    resources = [(owner_of.get(a, "project"), owner_of.get(b, "project")) for a, b in rows]
    return sum(1 for a, b in resources if a != b and not {a, b} & NOT_RESOURCES)


# --- the report -----------------------------------------------------------------------


def report_lines(files: list[Owned], resource: str) -> None:
    print(f"Lines of {resource} (non-blank), per file:")
    for owned in files:
        print(f"  {owned.lines:>5}  {owned.path}  [{owned.kind}]")
    print(f"\n{'kind':<22}{'lines':>7}{'budget':>8}  verdict")
    for kind, limit in BUDGET.items():
        total = sum(owned.lines for owned in files if owned.kind == kind)
        verdict = "ok" if total <= limit else f"OVER BUDGET by {total - limit}"
        print(f"{kind:<22}{total:>7}{limit:>8}  {verdict}")
    other = sum(owned.lines for owned in files if owned.kind == "other")
    if other:
        print(f"{'other':<22}{other:>7}{'-':>8}")


def report_repetition(pairs: list[Pair], tool: int | None, most: int) -> None:
    verdict = "ok" if not pairs else "OVER BUDGET (the budget is none)"
    print(
        f"\nPairs of files of two resources sharing >= {BLOCK} lines of the same shape: "
        f"{len(pairs)}  {verdict}"
    )
    for pair in pairs[:most]:
        a_from, a_to, b_from, b_to = pair.span
        print(
            f"  {pair.first}:{a_from}-{a_to} ~ {pair.second}:{b_from}-{b_to}"
            f"  ({pair.windows} shared {BLOCK}-line windows)"
        )
    if len(pairs) > most:
        print(f"  (+{len(pairs) - most} more pairs; --most to list them)")
    if tool is None:
        print("cross-check: the `duplicates` command is not on PATH")
    else:
        print(f"cross-check: `duplicates --min-lines {BLOCK}` counts {tool} such pairs")


def totals_by_resource(project: Path, owner_of: dict[str, str]) -> None:
    counts: dict[str, int] = defaultdict(int)
    for path, owner in owner_of.items():
        if (project / path).is_file() and not path.startswith(".scaffold/"):
            counts[owner] += non_blank(project / path)
    print("\nNon-blank lines of the whole project, by owner:")
    for owner, lines in sorted(counts.items()):
        print(f"  {owner:<12}{lines:>7}")
    print(f"  {'total':<12}{sum(counts.values()):>7}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--spec", type=Path, default=SPEC, help="the spec (the blog example)")
    parser.add_argument("--resource", default="Post", help="the resource measured (Post)")
    parser.add_argument("--keep", type=Path, help="generate here and keep it (a new dir)")
    parser.add_argument("--most", type=int, default=20, help="pairs listed (20)")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        project = options.keep or Path(temp) / "blog"
        project.parent.mkdir(parents=True, exist_ok=True)
        generate(options.spec.resolve(), project)
        package = json.loads((project / ".scaffold" / "skeleton.json").read_text())["answers"][
            "package_name"
        ]
        owner_of = {
            path: owner for path, owner in owners(project).items() if (project / path).is_file()
        }
        if options.resource not in owner_of.values():
            raise SystemExit(f"no files owned by {options.resource!r} in {options.spec}")
        print(f"{options.spec.name}, resource {options.resource}, scaffold at {REPO}\n")
        report_lines(owned_files(project, package, options.resource), options.resource)
        resource_files = [
            (path, owner)
            for path, owner in owner_of.items()
            if owner not in NOT_RESOURCES and path.endswith((".py", ".html"))
        ]
        pairs = same_shape_pairs(project, resource_files)
        report_repetition(pairs, duplicates_tool(project, owner_of), options.most)
        totals_by_resource(project, owner_of)
    return 0


if __name__ == "__main__":
    sys.exit(main())
