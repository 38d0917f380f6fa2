"""The sessions a contributor runs (``nox -l`` lists them).

- ``nox -s tests``: the whole pytest suite on the embedded emulator (the README's test command)
- ``nox -s lint``: ruff check and ruff format --check
- ``nox -s typecheck``: mypy (strict on python/)
- ``nox -s validate``: docgen validate, the metadata and every snippet
- ``nox -s docs``: docgen render, a page per example in build/docs
- ``nox -s scenario``: the guided MFA scenario (its arguments after ``--``)
- ``nox -s bench``: the benchmarks (test suite, emulator, scenario --auto, docgen)
- ``nox -s javascript``: the JavaScript examples: npm ci, ESLint, Prettier, tsc, tests, scenario
"""

from __future__ import annotations

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


@nox.session(python=PYTHON)
def javascript(session: nox.Session) -> None:
    """JavaScript (SDK v3): npm ci, lint, types, node --test and the scenario --auto.

    The session's venv provides ``cognito-emulator`` on PATH; Node.js comes from the machine.
    Arguments go to ``node --test`` (e.g. ``-- --test-name-pattern=SignUp``).
    """
    if shutil.which("npm") is None:
        session.error("Node.js 20.19+ with npm is needed (Debian: apt-get install nodejs npm)")
    session.install("-e", ".")
    session.chdir("javascript")
    session.run("npm", "ci", "--no-audit", "--no-fund", external=True)
    session.run("npm", "run", "lint", external=True)
    session.run("npm", "run", "typecheck", external=True)
    session.run("npm", "test", "--", *session.posargs, external=True)
    session.run("node", "scenarios/signup-user-with-mfa.js", "--auto", external=True)
