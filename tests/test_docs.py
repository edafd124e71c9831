"""The docs are true: every command has --help that teaches, and the README shows each one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from newskg.app.cli import build_parser, main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_with_its_options(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: newskg {command}")
    assert len(out.splitlines()) > 3


@pytest.mark.parametrize("command", _commands())
def test_every_command_appears_in_the_readme(command: str) -> None:
    assert re.search(rf"\bnewskg {command}\b", README), f"README shows no `newskg {command}`"


def test_readme_gives_the_two_setup_commands() -> None:
    assert "make run" in README and "make test" in README
