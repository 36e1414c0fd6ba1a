"""The pages describing generated code: the interfaces they show are what the
blueprints render, and their commands run as written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from documentation.golden import check_files
from documentation.interfaces import interfaces
from documentation.pages import EXAMPLES, GENERATED
from documentation.shell import make_session
from scaffolder.examples import example_path


def test_service_interfaces_are_what_the_blueprints_render(update_golden: bool) -> None:
    shown = interfaces()
    for name, text in shown.items():
        compile(text, name, "exec")
    check_files(GENERATED / "generated-resource", shown, update_golden)


@pytest.mark.e2e
@pytest.mark.slow
def test_creating_projects_works_as_written(tmp_path: Path) -> None:
    shutil.copy(example_path("blog"), tmp_path / "blog.yaml")
    session = make_session(tmp_path)
    session.run(EXAMPLES / "generated-project" / "new.sh")
    assert (tmp_path / "my-blog" / "my_blog" / "main.py").is_file()
    assert (tmp_path / "news" / "newsroom" / "main.py").is_file()
    assert "Our news" in (tmp_path / "news" / "pyproject.toml").read_text()
    assert (tmp_path / "blog" / "blog" / "models" / "post.py").is_file()
