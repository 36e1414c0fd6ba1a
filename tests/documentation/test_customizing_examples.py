"""The commands of docs/customizing.md, run as written in a project with one resource.

`$EDITOR` is `true` here: the reader's edit is theirs to make; what the test checks
is that every command of the page works in the order shown.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from documentation.console import scaffold
from documentation.pages import EXAMPLES
from documentation.shell import make_session
from scaffolder.project.skeleton import project_blueprint

STEPS = EXAMPLES / "customizing"


@pytest.mark.slow
def test_the_customizing_commands_run_as_written(tmp_path: Path) -> None:
    assert scaffold(tmp_path, "-q", "new", "blog", "--defaults").exit_code == 0
    project = tmp_path / "blog"
    run = scaffold(project, "-q", "generate", "resource", "Post", "title:str(200)")
    assert run.exit_code == 0, run.transcript
    session = make_session(tmp_path, extra={"EDITOR": "true"})
    session.cwd = project
    session.run(STEPS / "eject.sh")
    assert (project / "blueprints/resource/templates/detail.html.jinja").is_file()
    session.run(STEPS / "eject-more.sh")
    assert (project / "blueprints/migration/revision.py.jinja").is_file()
    assert (project / "blueprints/resource/model.py.jinja").is_file()
    # a team's skeleton beside the work directory: a copy of scaffold's own
    work = tmp_path / "work"
    work.mkdir()
    shutil.copytree(project_blueprint(), tmp_path / "company-skeleton")
    session.cwd = work
    session.run(STEPS / "new-blueprint.sh")
    record = json.loads((work / "shop/.scaffold/skeleton.json").read_text())
    assert record["source"] == "../../company-skeleton"
    assert (work / "shop/shop/main.py").is_file()
    assert sorted(p.name for p in STEPS.iterdir()) == [
        "eject-more.sh",
        "eject.sh",
        "new-blueprint.sh",
    ]
