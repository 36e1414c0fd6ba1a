"""scaffold's own speed: each figure beside its target, and beside Rails' generator.

    python bench/tool/tool_speed.py                           # the figures of docs/performance.md
    python bench/tool/tool_speed.py --resources 3 --runs 1    # the tiny run the suite does

Figures (docs/performance.md, "Generating code"):

1. `scaffold --help`: this checkout's console script (what pip writes: import the
   CLI, call main) in a cold Python; beside it, the interpreter alone
   (`python -c pass`, site and .pth files included). Target: 100 ms.
2. `scaffold generate resource Post title:str(200) body:text published:bool
   'author:ref(Author)'` — spec entry, all layers, wiring, migration, ruff-formatted —
   in a new project that has Author, against `bin/rails generate scaffold Post
   title:string body:text published:boolean author:references` in a new Rails app
   that has Author. Target: at most 0.4x Rails' time (issue 14). With `--baseline
   DIR` (a checkout of an older scaffold, e.g. a git worktree of an older commit), the
   older scaffold runs the same command in the same alternation, in a project it made:
   target, no slower than it (issue 15).
3. `scaffold new --spec` of an N-resource spec from `make_spec.py`. Target: 4 s (N=100).
4. `scaffold sync --check` in that project, nothing to do. Target: 1 s.
5. `scaffold sync` after one field is added to one resource: time, and what it wrote.

Method: each figure is the median wall-clock time of RUNS runs of the command (CPU
time, user+sys of the command and its children, beside it); every run starts from a
fresh copy of the project or app (or an empty directory), made before the clock starts
in a directory no run used, and nothing is deleted until the end (`Runs`: on a disk
mounted with `discard`, files made just after a big deletion cost ten times the
system time); WARMUP untimed runs
first (Jinja's and bootsnap's caches filled, files in the page cache). Ours and the
peer alternate run by run. scaffold runs without PYTHONDONTWRITEBYTECODE: the .pyc
files of its own modules are written on the first run and used after, as for any
user. The load average is printed before and after: the machine is shared, so
compare ratios of one run rather than absolute times across runs.

The Rails app: `rails new --skip-bundle` (Debian's ruby-rails, Rails 6.1) without
spring, listen, webpacker/JavaScript, Action Cable/Mailbox/Text or Active Storage,
gems that play no part in generating (puma, byebug, web-console, capybara,
selenium) dropped from its Gemfile, then `bundle install --local` (offline, Debian's
gems: ruby-sqlite3, ruby-jbuilder, ruby-sass-rails, ruby-bootsnap). bootsnap is kept:
it is Rails' default and makes the peer faster. Rails writes model, migration,
controller, HTML and JSON views, helper, routes, stylesheet and tests, unformatted.
Progress goes to stderr, the figures to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

from make_spec import resource_names, spec_text  # noqa: E402

OUR_FIELDS = ("title:str(200)", "body:text", "published:bool", "author:ref(Author)")
RAILS_FIELDS = ("title:string", "body:text", "published:boolean", "author:references")
#: Gems of `rails new`'s Gemfile that generating does not use (and Debian may lack).
UNUSED_GEMS = ("puma", "byebug", "web-console", "capybara", "selenium-webdriver", "webdrivers")
RAILS_NEW = (
    "--skip-bundle",
    "--skip-git",
    "--skip-spring",
    "--skip-listen",
    "--skip-webpack-install",
    "--skip-javascript",
    "--skip-action-cable",
    "--skip-action-mailbox",
    "--skip-action-text",
    "--skip-active-storage",
    "--database=sqlite3",
)


@dataclass(frozen=True)
class Timing:
    wall: float  # median seconds
    cpu: float  # median seconds, user+sys of the command and its children


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(
            f"failed ({result.returncode}): {' '.join(command)} in {cwd}\n"
            + result.stdout[-2000:]
            + result.stderr[-2000:]
        )


def timed(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Timing:
    """One run: wall and CPU time of `command` (and the processes it started)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run(command, cwd, env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def median(timings: list[Timing]) -> Timing:
    return Timing(
        statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings)
    )


class Scaffold:
    """A checkout's scaffold (this one by default), run the way its console script runs it."""

    def __init__(self, workdir: Path, checkout: Path = REPO, name: str = "scaffold") -> None:
        self.script = workdir / name
        # what pip writes for `[project.scripts] scaffold = "scaffolder.cli:main"`
        self.script.write_text(
            f"#!{sys.executable}\nimport sys\nfrom scaffolder.cli import main\nsys.exit(main())\n"
        )
        self.script.chmod(0o755)
        # .pyc files written as for any user (a sandbox may set PYTHONDONTWRITEBYTECODE,
        # which would compile scaffold's own modules from source on every run)
        self.env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "PYTHONPATH": str(checkout),
        }

    def command(self, *args: str) -> list[str]:
        return [str(self.script), *args]


class Runs:
    """A new directory for every run, under `root`, removed all together afterwards.

    No run starts right after a deletion: on this machine's virtual disk (ext4 mounted
    with `discard`), the first files made after a big tree was removed cost ~0.5 ms of
    system time each, ten times more than elsewhere (`new --spec` of 100 resources:
    4.3-4.5 s just after `rm -rf` of the previous run's project, 1.5-1.6 s otherwise).
    That is the disk's, not the command's: every command would pay it, by how many
    files it writes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = 0
        self.clear()  # an earlier benchmark's, with --workdir

    def fresh(self, name: str) -> Path:
        """A path under `root` no run has used (not created)."""
        self.count += 1
        return self.root / f"{name}-{self.count}"

    def copy(self, source: Path, name: str) -> Path:
        """A fresh copy of `source`."""
        target = self.fresh(name)
        shutil.copytree(source, target, symlinks=True)
        return target

    def clear(self) -> None:
        """Remove every run's directory (between figures, not before a run)."""
        shutil.rmtree(self.root, ignore_errors=True)
        self.root.mkdir(parents=True, exist_ok=True)


def fresh_copy(source: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, symlinks=True)
    return target


def measure(
    runs: int,
    warmup: int,
    sides: dict[str, tuple[Callable[[], Path], list[str], dict[str, str] | None]],
) -> dict[str, Timing]:
    """Median timings of each side's command, alternating sides run by run; each run in
    the directory its `prepare` returns (not timed)."""
    results: dict[str, list[Timing]] = {name: [] for name in sides}
    for index in range(warmup + runs):
        for name, (prepare, command, env) in sides.items():
            cwd = prepare()
            timing = timed(command, cwd, env)
            if index >= warmup:
                results[name].append(timing)
    return {name: median(timings) for name, timings in results.items()}


def generate_side(
    scaffold: Scaffold, workdir: Path, runs: Runs, name: str
) -> tuple[Callable[[], Path], list[str], dict[str, str]]:
    """`generate resource Post …` by `scaffold`, each run in a fresh copy of a new project
    it made, which already has Author (the ref target)."""
    project = workdir / f"{name}_project"
    shutil.rmtree(project, ignore_errors=True)
    run(scaffold.command("new", str(project), "--defaults"), workdir, scaffold.env)
    run(scaffold.command("generate", "resource", "Author", "name:str(100)"), project, scaffold.env)
    return (
        lambda: runs.copy(project, name),
        scaffold.command("generate", "resource", "Post", *OUR_FIELDS),
        scaffold.env,
    )


def checkout_name(checkout: Path) -> str:
    """The commit a checkout is at (short hash), else its directory's name."""
    result = subprocess.run(
        ["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or checkout.name


def build_rails_app(workdir: Path) -> Path | None:
    """A new Rails app with Author scaffolded (the ref target; bootsnap's cache warm)."""
    rails = shutil.which("rails")
    if rails is None:
        return None
    app = workdir / "rails_app"
    run([rails, "new", str(app), *RAILS_NEW], workdir)
    gemfile = app / "Gemfile"
    text = gemfile.read_text()
    for gem in UNUSED_GEMS:
        text = re.sub(rf"^\s*gem '{re.escape(gem)}'.*\n", "", text, flags=re.M)
    gemfile.write_text(text)
    run(["bundle", "install", "--local"], app)
    run(["bin/rails", "generate", "scaffold", "Author", "name:string"], app)
    return app


def row(name: str, ours: Timing, target: str, peer: Timing | None, peer_name: str) -> str:
    """One figure: ours (wall, CPU), the target, the peer (wall, CPU) and the wall ratio."""
    peer_text = f"{_ms(peer.wall)} {_ms(peer.cpu)}" if peer else f"{'-':>9} {'-':>9}"
    ratio = f"{ours.wall / peer.wall:.2f}x" if peer else "-"
    return (
        f"{name:<36} {_ms(ours.wall)} {_ms(ours.cpu)}  {target:<9}  {peer_name:<24}"
        f" {peer_text}  {ratio}"
    )


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:6.0f} ms"


def add_field(text: str, resource_name: str) -> str:
    """`text` with `note: text?` added to the fields of `resource_name`."""
    marker = f"\n  {resource_name}:\n    fields:\n"
    if marker not in text:
        raise SystemExit(f"{resource_name} not found in the spec")
    return text.replace(marker, marker + "      note: text?\n", 1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=100, help="size of the big spec")
    parser.add_argument("--runs", type=int, help="runs per figure (default: 20/10/3/10/5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first")
    parser.add_argument("--workdir", type=Path, help="keep the projects here")
    parser.add_argument(
        "--require-peer", action="store_true", help="fail if Rails is not installed"
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another checkout of scaffold (e.g. a git worktree of an older commit): "
        "`generate` runs it too, alternating with this one and Rails",
    )
    args = parser.parse_args(argv)

    def runs(default: int) -> int:
        return args.runs if args.runs is not None else default

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="scaffold-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    scaffold = Scaffold(workdir)
    dirs = Runs(workdir / "runs")  # a new directory per run, removed at the end
    log(f"load average before: {load()}")
    print(
        f"scaffold's own speed; medians of wall-clock time (CPU: user+sys, children "
        f"included); {os.cpu_count()} cores, load {load()}"
    )
    print(
        f"{'figure':<36} {'scaffold':>9} {'CPU':>9}  {'target':<9}  {'peer':<24}"
        f" {'peer':>9} {'CPU':>9}  ratio"
    )

    # 1. --help, cold
    help_runs = measure(
        runs(20),
        max(args.warmup, 1),
        {
            "ours": (lambda: workdir, scaffold.command("--help"), scaffold.env),
            "python": (lambda: workdir, [sys.executable, "-c", "pass"], None),
        },
    )
    print(
        row(
            "scaffold --help", help_runs["ours"], "<= 100 ms", help_runs["python"], "python -c pass"
        )
    )

    # 2. generate resource vs rails generate scaffold (and vs an older scaffold)
    log("building the projects for `generate`…")
    sides: dict[str, tuple[Callable[[], Path], list[str], dict[str, str] | None]] = {
        "ours": generate_side(scaffold, workdir, dirs, "gen")
    }
    if args.baseline is not None:
        baseline = Scaffold(workdir, args.baseline.resolve(), "scaffold-baseline")
        sides["baseline"] = generate_side(baseline, workdir, dirs, "baseline_gen")
    rails_app = build_rails_app(workdir)
    if rails_app is None and args.require_peer:
        raise SystemExit("Rails is not installed (apt-get install ruby-rails; see .ci/run)")
    if rails_app is not None:
        sides["rails"] = (
            lambda: dirs.copy(rails_app, "rails"),
            ["bin/rails", "generate", "scaffold", "Post", *RAILS_FIELDS],
            None,
        )
    generate = measure(runs(10), args.warmup, sides)
    print(
        row(
            "generate resource (4 fields, ref)",
            generate["ours"],
            "<= 0.4x",
            generate.get("rails"),
            "rails generate scaffold",
        )
    )
    if args.baseline is not None:
        label = f"scaffold at {checkout_name(args.baseline)}"
        print(
            row(
                "  the same, beside an older scaffold",
                generate["ours"],
                "<= 1x",
                generate["baseline"],
                label,
            )
        )

    # 3. new --spec N
    log(f"`new --spec` with {args.resources} resources…")
    spec = workdir / f"spec{args.resources}.yaml"
    spec.write_text(spec_text(args.resources))
    made: list[Path] = []

    def empty_directory() -> Path:
        made.append(dirs.fresh("new"))
        made[-1].mkdir()
        return made[-1]

    new_args = ("new", "big", "--spec", str(spec), "--defaults")
    new = measure(
        runs(3), 0, {"ours": (empty_directory, scaffold.command(*new_args), scaffold.env)}
    )
    big = workdir / "big"
    shutil.rmtree(big, ignore_errors=True)
    (made[-1] / "big").rename(big)
    target = "<= 4 s" if args.resources >= 100 else "-"
    print(row(f"new --spec ({args.resources} resources)", new["ours"], target, None, "-"))

    # 4. sync --check, nothing to do (the project `new` just made)
    check = measure(
        runs(10),
        args.warmup,
        {"ours": (lambda: big, scaffold.command("sync", "--check"), scaffold.env)},
    )
    print(row("sync --check, nothing to do", check["ours"], "<= 1 s", None, "-"))

    # 5. sync after one resource changed
    changed = resource_names(args.resources)[args.resources // 2]
    edited = workdir / "big_edited"
    fresh_copy(big, edited)
    (edited / "scaffold.yaml").write_text(add_field((big / "scaffold.yaml").read_text(), changed))
    probe = fresh_copy(edited, workdir / "big_probe")
    plan = subprocess.run(
        scaffold.command("--json", "sync", "--dry-run"),
        cwd=probe,
        env=scaffold.env,
        capture_output=True,
        text=True,
        check=True,
    )
    ops = json.loads(plan.stdout)["plan"]
    written = sorted(op["path"] for op in ops if op["action"] not in ("identical", "skip"))
    one = measure(
        runs(5),
        args.warmup,
        {
            "ours": (
                lambda: dirs.copy(edited, "sync"),
                scaffold.command("--quiet", "sync"),
                scaffold.env,
            )
        },
    )
    print(row(f"sync, one field added to {changed}", one["ours"], "-", None, "-"))
    print(f"  that sync wrote {len(written)} files: " + ", ".join(written))
    log(f"load average after: {load()}")
    dirs.clear()


if __name__ == "__main__":
    main()
