"""Any valid spec yields a working project: a property-based end-to-end test.

`spec_strategies.specs()` draws valid specs with hostile names (1 to 8 resources, every
field type and option). For each: `scaffold check` must accept it (or reject it
cleanly, for an error the spec format documents: that example is discarded), then
`scaffold new --spec`, and in the project, one gate after another, on SQLite:
`ruff check`, `ruff format --check`, `alembic upgrade head` + `alembic check`, `mypy`
(strict, the project's own configuration; a mypy cache shared by the examples) and the
project's own `pytest`; pyright too when SCAFFOLD_PROPERTY_PYRIGHT=1 (it adds about a
minute per example). Some examples (a drawn boolean, so a failure there shrinks like
any other) then run `alembic upgrade head` + `alembic check` and the project's `pytest`
again on a throwaway PostgreSQL; SCAFFOLD_PROPERTY_POSTGRES=all runs every example
there, =none none (and without PostgreSQL binaries none run, unless
SCAFFOLD_REQUIRE_POSTGRES is set).

CI replays a fixed sequence (derandomized) of SCAFFOLD_PROPERTY_EXAMPLES examples
(default `CI_EXAMPLES`, about ten minutes on two cores), leaving out the names and
texts of `KNOWN_BROKEN`. Locally, SCAFFOLD_PROPERTY_SEED=N draws another sequence,
SCAFFOLD_PROPERTY_ALL=1 draws the known-broken names too:

    SCAFFOLD_PROPERTY_EXAMPLES=50 SCAFFOLD_PROPERTY_SEED=7 \\
        python -m pytest tests/e2e/test_property_specs.py -x -s -k random

A failing example is shrunk (at most about five minutes of shrinking: each candidate
stops at its first failing gate, and each gate fails with its own exception type, so
shrinking keeps to one failure) and written to tests/e2e/specs/regressions/<hash>.yaml;
the test prints the path. `test_regression_spec` then runs every spec in that folder
through the same gates (reproduce one with `-k <hash>`); specs of failures not fixed
yet live in regressions/xfail/ with the reason in their first comment line, and are
expected to fail (strict: a fixed one must move up a folder).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, reject, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st
from typer.testing import CliRunner

from e2e.spec_strategies import KNOWN_BROKEN, Spec, documented_rejection, spec_yaml, specs
from e2e.support import REQUIRE_ENV, STRICT_WARNINGS, PostgresServer, find_bindir
from scaffolder.cli import app

pytestmark = pytest.mark.e2e

#: Examples per CI run: about a minute each on an idle 2-core machine, two when they
#: also run on PostgreSQL (two of the six CI draws do). Six keeps the whole of .ci/run
#: under its 45 minutes; run more locally (SCAFFOLD_PROPERTY_EXAMPLES).
CI_EXAMPLES = 6
EXAMPLES = int(os.environ.get("SCAFFOLD_PROPERTY_EXAMPLES", CI_EXAMPLES))
SEED = int(os.environ.get("SCAFFOLD_PROPERTY_SEED", "0"))
PYRIGHT = bool(os.environ.get("SCAFFOLD_PROPERTY_PYRIGHT"))

AVOID = frozenset() if os.environ.get("SCAFFOLD_PROPERTY_ALL") else frozenset(KNOWN_BROKEN)
#: Which examples also run on PostgreSQL: "some" (drawn), "all" or "none".
POSTGRES = os.environ.get("SCAFFOLD_PROPERTY_POSTGRES", "some")
ON_POSTGRES = {"all": st.just(True), "none": st.just(False)}.get(POSTGRES, st.booleans())

REGRESSIONS = Path(__file__).parent / "specs" / "regressions"
XFAIL = REGRESSIONS / "xfail"
PACKAGE = "propapp"


class GateError(AssertionError):
    """A gate failed; subclasses name the gate (so shrinking keeps to one failure)."""


@functools.cache
def gate_error(name: str) -> type[GateError]:
    """One exception class per gate, made once: Hypothesis tells failures apart by type."""
    return type(re.sub(r"\W+", "_", name).title().replace("_", "") + "Error", (GateError,), {})


@dataclass(frozen=True)
class Gate:
    name: str
    command: tuple[str, ...]
    error: type[GateError] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "error", gate_error(self.name))


def gates(mypy_cache: Path) -> list[Gate]:
    """The toolchain the generated project must pass, cheapest first."""
    listed = [
        Gate("ruff check", ("ruff", "check", "--no-cache", ".")),
        Gate("ruff format", ("ruff", "format", "--no-cache", "--check", ".")),
        Gate("alembic upgrade", ("alembic", "upgrade", "head")),
        Gate("alembic check", ("alembic", "check")),
        Gate("mypy", ("mypy", "--cache-dir", str(mypy_cache), ".")),
        Gate("pytest", ("pytest", "-q", "-x", "-p", "no:cacheprovider", *STRICT_WARNINGS)),
    ]
    if PYRIGHT:
        listed.append(Gate("pyright", ("pyright", "--pythonpath", sys.executable)))
    return listed


def postgres_gates() -> list[Gate]:
    """What runs again on PostgreSQL: the migrations and the project's own tests."""
    return [
        Gate("alembic upgrade on PostgreSQL", ("alembic", "upgrade", "head")),
        Gate("alembic check on PostgreSQL", ("alembic", "check")),
        Gate(
            "pytest on PostgreSQL",
            ("pytest", "-q", "-x", "-p", "no:cacheprovider", *STRICT_WARNINGS),
        ),
    ]


class CheckError(GateError):
    """`scaffold check` crashed or rejected a spec for an undocumented reason."""


class NewError(GateError):
    """`scaffold new --spec` failed on a spec `check` accepted."""


@dataclass
class Failure:
    """A failing example: its spec, the gate (exception type) and the error's excerpt."""

    text: str
    gate: str
    excerpt: str


def excerpt(output: str, limit: int = 3000) -> str:
    """The end of a tool's output, where the errors and the summary are."""
    return output if len(output) <= limit else "…\n" + output[-limit:]


def run_gate(gate: Gate, root: Path, env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *gate.command],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    if result.returncode != 0:
        raise gate.error(f"`{gate.name}` failed:\n{excerpt(result.stdout + result.stderr)}")


def project_env(root: Path, database: Path) -> dict[str, str]:
    """The project's code first on the path, then scaffold's (its tests import nothing of
    it, but the path keeps this worktree's tools); a fresh SQLite database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    env["DATABASE_URL"] = f"sqlite+aiosqlite:///{database}"
    return env


def check_and_generate(text: str, work: Path) -> Path | None:
    """`scaffold check`, then `scaffold new`; the project root, or None if the spec is
    rejected for a documented reason."""
    work.mkdir(parents=True, exist_ok=True)
    spec = work / "scaffold.yaml"
    spec.write_text(text, encoding="utf-8")
    runner = CliRunner()
    checked = runner.invoke(app, ["check", str(spec)])
    if checked.exception is not None and not isinstance(checked.exception, SystemExit):
        trace = "".join(traceback.format_exception(checked.exception))
        raise CheckError(f"`scaffold check` crashed:\n{excerpt(trace)}")
    if checked.exit_code != 0:
        if "Traceback" not in checked.output and documented_rejection(checked.output):
            return None
        raise CheckError(f"`scaffold check` rejected a valid spec:\n{excerpt(checked.output)}")
    root = work / PACKAGE
    made = runner.invoke(app, ["new", str(root), "--spec", str(spec), "--defaults"])
    if made.exit_code != 0 or (
        made.exception is not None and not isinstance(made.exception, SystemExit)
    ):
        trace = (
            "".join(traceback.format_exception(made.exception))
            if made.exception is not None and not isinstance(made.exception, SystemExit)
            else ""
        )
        raise NewError(f"`scaffold new` failed:\n{excerpt(made.output + trace)}")
    return root


def run_all_gates(text: str, work: Path, mypy_cache: Path, postgres_url: str | None = None) -> bool:
    """Every gate for one spec, then the PostgreSQL ones if `postgres_url` names an
    empty database; False if `check` rejected the spec for a documented reason."""
    root = check_and_generate(text, work)
    if root is None:
        return False
    env = project_env(root, work / "app.db")
    for gate in gates(mypy_cache):
        run_gate(gate, root, env)
    if postgres_url is not None:
        env["DATABASE_URL"] = postgres_url
        for gate in postgres_gates():
            run_gate(gate, root, env)
    return True


def regression_path(text: str) -> Path:
    return REGRESSIONS / f"{hashlib.sha256(text.encode()).hexdigest()[:10]}.yaml"


def keep_regression(failure: Failure) -> Path:
    """Write the (shrunk) failing spec to the regressions folder; return its path."""
    path = regression_path(failure.text)
    REGRESSIONS.mkdir(parents=True, exist_ok=True)
    lines = failure.excerpt.strip().splitlines()
    first = next((line for line in lines if re.search(r"error|Error|E[0-9]{3}", line)), "")
    header = f"# found by test_property_specs: {failure.gate}: {first.strip()[:150]}\n"
    path.write_text(header + failure.text, encoding="utf-8")
    return path


def postgres_or_none(request: pytest.FixtureRequest) -> PostgresServer | None:
    """The session's throwaway PostgreSQL, or None when no example is to run there."""
    if POSTGRES == "none" or (find_bindir() is None and not os.environ.get(REQUIRE_ENV)):
        return None
    server: PostgresServer = request.getfixturevalue("postgres")
    return server


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for every example: the libraries are analysed once."""
    return tmp_path_factory.mktemp("mypy-cache")


def test_any_valid_spec_yields_a_working_project(
    tmp_path_factory: pytest.TempPathFactory, mypy_cache: Path, request: pytest.FixtureRequest
) -> None:
    # the latest failing example per kind of failure: after shrinking, Hypothesis
    # replays the minimal example of each kind last
    failures: dict[str, Failure] = {}
    counter = iter(range(10**9))
    postgres = postgres_or_none(request)

    @hypothesis_seed(SEED)
    @settings(
        max_examples=EXAMPLES,
        derandomize=not os.environ.get("SCAFFOLD_PROPERTY_SEED"),
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=False,
    )
    @given(specs(avoid=AVOID), ON_POSTGRES)
    def one_spec(spec: Spec, on_postgres: bool) -> None:
        text = spec_yaml(spec)
        number = next(counter)
        work = tmp_path_factory.mktemp(f"spec{number}")
        url = postgres.database(f"prop{number}") if postgres and on_postgres else None
        try:
            accepted = run_all_gates(text, work, mypy_cache, url)
        except GateError as error:
            gate = type(error).__name__
            failures[gate] = Failure(text, gate, str(error))
            raise
        if not accepted:
            reject()
        shutil.rmtree(work)  # passed: only failing examples keep their project

    try:
        one_spec()
    except BaseException:
        for failure in failures.values():
            path = keep_regression(failure)
            print(f"\nthe shrunk spec failing {failure.gate} is kept as {path}")
        raise


def regression_specs(folder: Path, *, unfixed: bool = False) -> list[object]:
    """One test per spec in `folder`; in xfail/, expected to fail (strict), with the
    reason from the spec's first comment line."""
    params: list[object] = []
    for path in sorted(folder.glob("*.yaml")):
        marks: list[pytest.MarkDecorator] = []
        if unfixed:
            reason = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
            marks.append(pytest.mark.xfail(strict=True, raises=GateError, reason=reason))
        params.append(pytest.param(path, id=path.stem, marks=marks))
    return params


@pytest.mark.parametrize(
    "path", [*regression_specs(REGRESSIONS), *regression_specs(XFAIL, unfixed=True)]
)
def test_regression_spec(
    path: Path, tmp_path: Path, mypy_cache: Path, request: pytest.FixtureRequest
) -> None:
    """A spec the property test once failed on passes every gate (xfail/: not yet);
    one that failed on PostgreSQL (its first line names a `…OnPostgresql…` gate) runs
    there too."""
    text = path.read_text(encoding="utf-8")
    url = None
    if "OnPostgresql" in text.splitlines()[0]:
        postgres = postgres_or_none(request)
        url = postgres.database(f"reg_{path.stem}") if postgres else None
    assert run_all_gates(text, tmp_path, mypy_cache, url)
