"""The compare command renders two answer sets and shows what a feature adds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.compare import main


def test_compare_shows_the_files_and_lines_a_feature_adds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "celery.html"

    status = main(["", "celery=redis", "--color", "never", "--html", str(page)])

    out, err = capsys.readouterr()
    assert status == 1
    assert "+ only in b: src/my_api/tasks/worker.py\n" in out
    assert "+++ b/src/my_api/api.py\n" in out
    assert "+from .tasks.router import router as tasks_router\n" in out
    assert "\033[" not in out
    assert err.strip().endswith("changed")
    written = page.read_text()
    assert "<table" in written
    assert "src/my_api/api.py" in written
    assert "a: the defaults  vs  b: celery=redis" in written


def test_compare_colours_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    main(["auth=none", "auth=api_key", "--color", "always"])

    out = capsys.readouterr().out
    assert "\033[32m+ only in b: src/my_api/auth/api_keys.py\033[0m\n" in out
    assert "\033[31m-" in out  # removed lines in red


def test_compare_of_one_answer_set_finds_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["database=none", "database=none,websockets=false"])

    out, err = capsys.readouterr()
    assert status == 0
    assert out == ""
    assert "the two projects are the same" in err


def test_compare_reports_a_refused_answer(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["", "auth=kerberos"])

    assert status == 2
    assert "'kerberos' is not in ['jwt', 'api_key', 'none']" in capsys.readouterr().err
