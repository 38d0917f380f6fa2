"""Every action module answers --help, and a missing Region is a one-line error (exit 2)."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

ACTIONS_DIR = Path(__file__).resolve().parents[2] / "python" / "cognito_idp"

MODULES = sorted(p.stem for p in ACTIONS_DIR.glob("*.py") if p.stem != "__init__")


def test_every_module_is_listed():
    assert "admin_get_user" in MODULES
    assert "hello_cognito" in MODULES


@pytest.mark.parametrize("module", MODULES)
def test_help(module, monkeypatch, capsys):
    """Run the file as a script (``__main__``) with --help, in this process to stay fast."""
    path = ACTIONS_DIR / f"{module}.py"
    monkeypatch.setattr(sys, "argv", [str(path), "--help"])
    with pytest.raises(SystemExit) as excinfo:
        runpy.run_path(str(path), run_name="__main__")
    assert excinfo.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: {module}.py")
    assert "--help" in out


def test_missing_region_is_one_line_error(run_cli, emulator_env):
    env = {k: v for k, v in emulator_env.items() if k not in ("AWS_REGION", "AWS_DEFAULT_REGION")}
    proc = run_cli("describe_user_pool", "--user-pool-id", "us-east-1_EXAMPLE", env=env)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: ")
    assert "region" in lines[0].lower()
