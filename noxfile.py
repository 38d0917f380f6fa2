# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The sessions a contributor runs (``nox -l`` lists them).

- ``nox -s tests``: the whole pytest suite on the embedded emulator (the README's test command)
- ``nox -s lint``: ruff check, ruff format --check, every source file's license header
  (``docgen headers``), and the lock files up to date
- ``nox -s typecheck``: mypy (strict on python/ and scenarios/)
- ``nox -s validate``: docgen validate, the metadata and every snippet
- ``nox -s docs``: docgen render, the site in build/docs (a page per example, en, ja and it)
- ``nox -s readme``: docgen readme, the examples' list in each language folder's README.md
  (``nox -s readme -- --check`` only checks, as CI does)
- ``nox -s browser``: the rendered site in headless Chromium (``/usr/bin/chromium``); screenshots
  in build/artifacts
- ``nox -s catalogs``: extract the page chrome's messages into docgen.pot and merge them into
  each locale's .po (then translate what is new or fuzzy)
- ``nox -s scenario``: the guided MFA scenario (its arguments after ``--``)
- ``nox -s bench``: the benchmarks (test suite, emulator and its MFA-journey load, scenario
  --auto, docgen, the emulator's memory over a 100,000-sign-in soak)
- ``nox -s mutation``: the mutation check of the emulator's security checks (a few minutes;
  not part of CI's run)
- ``nox -s javascript``: the JavaScript examples: npm ci, ESLint, Prettier, tsc, tests, scenario
  --auto, and the specification harness on the scenario
- ``nox -s js_clients``: the emulator driven by AWS Amplify v6 and amazon-cognito-identity-js
- ``nox -s cli``: the AWS CLI examples (shellcheck, tests/cli, the CLI scenario --auto, the
  specification harness on it)
- ``nox -s java``: the Java examples: Spotless (google-java-format), JUnit tests, scenario --auto,
  the specification harness on the scenario
- ``nox -s kotlin``: the Kotlin examples: ktlint, JUnit tests, scenario --auto, the specification
  harness on the scenario (Maven)
- ``nox -s lock``: refresh ``uv.lock`` and ``requirements-nox.txt`` after editing
  ``pyproject.toml`` (``nox -s lock -- --upgrade`` moves every pin to the newest release allowed)
- ``nox -s tests_latest``: the suite on the newest releases ``pyproject.toml`` allows, ignoring
  the lock: the scheduled drift check (not part of CI's run)

Every session but ``tests_latest`` installs exactly what ``uv.lock`` pins (``uv sync --locked``),
so a run today and a run next month use the same versions.
"""

from __future__ import annotations

import glob
import os
import shlex
import shutil
import subprocess
import sys

import nox

nox.needs_version = ">=2025.2"
nox.options.default_venv_backend = "uv"
nox.options.sessions = ["tests", "lint", "typecheck", "validate"]
nox.options.reuse_existing_virtualenvs = True

PYTHON = None  # the interpreter nox runs on (3.10+)
REPO_ROOT = os.path.dirname(os.path.abspath(__file__))
LICENSED_SCRIPTS = (".ci/run",)
"""Source files without an extension, which ``docgen headers .`` does not find by itself."""
NOX_REQUIREMENTS = "requirements-nox.txt"
"""What the README's commands install before nox (nox and uv), hashed, exported from uv.lock."""


def install_locked(
    session: nox.Session, *, extras: tuple[str, ...] = (), groups: tuple[str, ...] = ()
) -> None:
    """Make the session's environment exactly what ``uv.lock`` pins: the project (editable),
    its dependencies, the given extras and dependency groups. Fails if the lock is out of date
    with ``pyproject.toml`` (run ``nox -s lock``)."""
    _uv_sync(session, *(f"--extra={e}" for e in extras), *(f"--group={g}" for g in groups))


def install_locked_tools(session: nox.Session, *groups: str) -> None:
    """Only the given dependency groups from ``uv.lock`` (tools such as ruff), not the project."""
    _uv_sync(session, "--no-install-project", *(f"--only-group={g}" for g in groups))


def _uv_sync(session: nox.Session, *args: str) -> None:
    location = session.virtualenv.location
    session.run_install(
        "uv",
        "sync",
        "--locked",
        "--no-default-groups",
        f"--python={location}",
        *args,
        env={"UV_PROJECT_ENVIRONMENT": location},
        silent=True,
    )


SPEC_HARNESS = "tests/scenarios/test_spec.py"
"""The harness every port of the guided scenario keeps (scenarios/SPECIFICATION.md)."""


def run_spec_harness(
    session: nox.Session, port: list[str], modes: str = "auto,interactive"
) -> None:
    """Hold a language's port of the guided scenario to ``scenarios/SPECIFICATION.md``: the
    shared harness (``tests/scenarios/README.md``) runs ``port``, a command line relative to
    the repository root, in each of ``modes``. The session needs the ``test`` extra (pytest,
    the ``cognito-emulator`` console script)."""
    with session.chdir(REPO_ROOT):
        session.run(
            "pytest", SPEC_HARNESS, "--port-command", shlex.join(port), "--port-modes", modes,
            "-n", "2",
        )  # fmt: skip


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run every test against the embedded emulator; extra arguments go to pytest."""
    install_locked(session, extras=("test",))
    args = session.posargs or ["-n", "2"]
    session.run("pytest", *args)


@nox.session(python=PYTHON, reuse_venv=False)
def tests_latest(session: nox.Session) -> None:
    """The suite on the newest releases pyproject.toml allows (the lock ignored): drift check."""
    session.install("--upgrade", "--refresh", "-e", ".[test]")
    session.run("uv", "pip", "list")
    args = session.posargs or ["-n", "2"]
    session.run("pytest", *args)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff lint and format check; every source file's license header (docgen headers, in
    every language); uv.lock and requirements-nox.txt match pyproject.toml."""
    install_locked(session, groups=("lint",))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("docgen", "headers", ".", *LICENSED_SCRIPTS)
    session.run("uv", "lock", "--check")
    exported = session.run(*_export_nox_requirements(), silent=True)
    with open(NOX_REQUIREMENTS, encoding="utf-8") as file:
        if file.read() != exported:
            session.error(f"{NOX_REQUIREMENTS} is out of date with uv.lock: run nox -s lock")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """Mypy over the examples and the scenario (strict), the emulator and docgen."""
    install_locked(session, groups=("typecheck",))
    session.run("mypy")


@nox.session(python=PYTHON)
def validate(session: nox.Session) -> None:
    """Validate the metadata and every snippet of the collection."""
    install_locked(session)
    session.run("docgen", "validate", *session.posargs)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Render the site into build/docs: a page per example in every locale (en, ja, it), only
    after validation is clean. Arguments go to docgen render (e.g. -- --locale en)."""
    install_locked(session)
    session.run("docgen", "render", "--out", "build/docs", *session.posargs)


@nox.session(python=PYTHON)
def readme(session: nox.Session) -> None:
    """Write the examples' list into each language folder's README.md (-- --check: only check)."""
    install_locked(session)
    session.run("docgen", "readme", *session.posargs)


@nox.session(python=PYTHON)
def browser(session: nox.Session) -> None:
    """The rendered site in headless Chromium, driven by Playwright: tabs, copy, locales.

    Uses the system's browser (Debian: apt-get install chromium), never ``playwright install``;
    screenshots go to build/artifacts/. Arguments go to pytest.
    """
    if not shutil.which("chromium") and not session.env.get("DOCGEN_CHROMIUM"):
        session.error("Chromium is needed: apt-get install chromium (or set DOCGEN_CHROMIUM)")
    install_locked(session, extras=("test",), groups=("browser",))
    session.run("pytest", "tests/docgen/test_site_browser.py", "--browser", "-n", "0",
                *session.posargs)  # fmt: skip


@nox.session(python=PYTHON)
def catalogs(session: nox.Session) -> None:
    """Extract the page chrome's messages (templates, render.py) into docgen.pot and merge
    them into every locale's docgen.po; fuzzy or empty entries are left to translate."""
    install_locked(session)
    locale = "src/docgen/locale"
    session.run("pybabel", "--quiet", "extract", "-F", "src/docgen/babel.cfg",
                "-o", f"{locale}/docgen.pot", "--no-location", "--sort-output", "--omit-header",
                "src/docgen")  # fmt: skip
    session.run("pybabel", "--quiet", "update", "-D", "docgen", "-i", f"{locale}/docgen.pot",
                "-d", locale, "--width=100", "--ignore-obsolete")  # fmt: skip


@nox.session(python=PYTHON)
def scenario(session: nox.Session) -> None:
    """Run the guided sign-up + TOTP MFA scenario (local emulator unless --target aws)."""
    install_locked(session)
    session.run("python", "scenarios/signup_user_with_mfa.py", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks (reported, not asserted): test suite, emulator (and under load), scenario
    --auto, docgen, and the emulator's memory over a 100,000-sign-in soak (several minutes)."""
    install_locked(session, extras=("test",))
    session.run("python", "benchmarks/bench_tests.py")
    session.run("python", "benchmarks/bench_emulator.py")
    session.run("python", "benchmarks/bench_emulator_load.py")
    session.run("python", "benchmarks/bench_scenario.py")
    session.run("python", "benchmarks/bench_docgen.py", *session.posargs)
    session.run("python", "benchmarks/bench_soak.py")


@nox.session(python=PYTHON)
def mutation(session: nox.Session) -> None:
    """Break each security check of the emulator in turn (tests/emulator/mutants.py) and check
    that its tests catch it; reports the mutation score. Arguments: mutant names, or --list."""
    install_locked(session, extras=("test",))
    session.run("python", "tests/emulator/mutants.py", *session.posargs)


def _node_package(session: nox.Session, folder: str, extras: tuple[str, ...] = ()) -> None:
    """Work in the npm package ``folder``, its locked dependencies installed (``npm ci``), with
    the ``cognito-emulator`` console script of the session's venv on PATH (and the project's
    ``extras``)."""
    if shutil.which("npm") is None:
        session.error("Node.js 20.19+ with npm is needed (Debian: apt-get install nodejs npm)")
    install_locked(session, extras=extras)  # the cognito-emulator console script
    session.chdir(folder)
    session.run("npm", "ci", "--no-audit", "--no-fund", external=True)


@nox.session(python=PYTHON)
def javascript(session: nox.Session) -> None:
    """JavaScript (SDK v3): npm ci, lint, types, node --test, the scenario --auto, and the
    specification harness on the scenario (both modes).

    The session's venv provides ``cognito-emulator`` on PATH and pytest for the harness; Node.js
    comes from the machine. Arguments go to ``node --test`` (e.g.
    ``-- --test-name-pattern=SignUp``) and leave the harness out.
    """
    _node_package(session, "javascript", extras=("test",))  # pytest for the harness
    session.run("npm", "run", "lint", external=True)
    session.run("npm", "run", "typecheck", external=True)
    session.run("npm", "test", "--", *session.posargs, external=True)
    session.run("node", "scenarios/signup-user-with-mfa.js", "--auto", external=True)
    if not session.posargs:
        run_spec_harness(session, ["node", "javascript/scenarios/signup-user-with-mfa.js"])


CLI_TOOLS = ("jq", "curl", "oathtool", "qrencode")  # Debian packages of the same names
CLI_SCENARIO = "cli/scenarios/signup_user_with_mfa.sh"


@nox.session(python=PYTHON)
def cli(session: nox.Session) -> None:
    """The AWS CLI examples: shellcheck, their tests on the emulator, the scenario --auto and
    the specification harness on it (``--auto`` only: the CLI port has no interactive mode).

    Arguments after ``--`` go to pytest instead of ``-n 2`` and skip the scenario's own runs:
    ``nox -R -s cli -- -n 2`` is the suite alone, ``nox -R -s cli -- tests/cli/test_sign_up.py``
    one file.
    """
    missing = [tool for tool in CLI_TOOLS if shutil.which(tool) is None]
    if missing:
        names = " ".join(missing)
        session.error(f"{names} not found: install it first (Debian: apt-get install {names})")
    # the AWS CLI and shellcheck: the `cli` dependency group (awscli bundles its own botocore)
    install_locked(session, extras=("test",), groups=("cli",))
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
    if session.posargs:
        return
    # the scenario as a reader runs it: it starts its own emulator
    session.run("bash", CLI_SCENARIO, "--auto", external=True)
    run_spec_harness(session, ["bash", CLI_SCENARIO], modes="auto")
    # Readers mostly have AWS CLI v2, which PyPI doesn't publish: the suite again on the
    # machine's (Debian: apt-get install awscli), when it has one.
    v2 = _aws_cli_v2()
    if v2 is None:
        session.log("no AWS CLI v2 on this machine (/usr/bin/aws or AWS_CLI_V2): tested on v1 only")
        return
    session.log(f"the tests again on {v2}")
    session.run("pytest", "tests/cli", "-n", "2", env={"TEST_AWS_CLI": v2})


def _aws_cli_v2() -> str | None:
    """The AWS CLI v2 that ``AWS_CLI_V2`` names, else ``/usr/bin/aws`` if it is v2."""
    for candidate in (os.environ.get("AWS_CLI_V2"), "/usr/bin/aws"):
        if not candidate or not os.access(candidate, os.X_OK):
            continue
        found = subprocess.run(  # noqa: S603 (the machine's own AWS CLI, or the one named)
            [candidate, "--version"], capture_output=True, text=True, check=False
        )
        if (found.stdout + found.stderr).startswith("aws-cli/2."):
            return candidate
    return None


def _site_packages(session: nox.Session) -> str:
    """The session venv's site-packages folder."""
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    output = session.run("python", "-c", code, silent=True)
    return str(output).strip()


@nox.session(python=PYTHON)
def js_clients(session: nox.Session) -> None:
    """cognito-emulator driven by the JavaScript auth libraries apps use, AWS Amplify v6 and
    amazon-cognito-identity-js (tests/js-clients): npm ci, ESLint, Prettier, node --test.

    The session's venv provides ``cognito-emulator`` on PATH; Node.js comes from the machine.
    Arguments go to ``node --test`` (e.g. ``-- --test-name-pattern=deleteUser``).
    """
    _node_package(session, "tests/js-clients")
    session.run("npm", "run", "lint", external=True)
    session.run("npm", "test", "--", *session.posargs, external=True)


@nox.session(python=PYTHON)
def java(session: nox.Session) -> None:
    """Java (SDK 2.x): mvn verify (compile, every JUnit test, Spotless check), then the scenario
    with --auto and the specification harness on it (both modes).

    The session's venv provides ``cognito-emulator`` on PATH and pytest for the harness; a JDK
    17+ and Maven 3.8+ come from the machine, artifacts from Maven Central (pinned in
    java/pom.xml). Arguments go to Maven (e.g. ``-- -Dtest=SignUpTest``) and leave the harness
    out.
    """
    if shutil.which("mvn") is None or shutil.which("javac") is None:
        session.error(
            "a JDK 17+ and Maven are needed (Debian: apt-get install openjdk-17-jdk-headless maven)"
        )
    install_locked(session, extras=("test",))  # cognito-emulator; pytest for the harness
    session.chdir("java")
    session.run("mvn", "-B", "--no-transfer-progress", "verify", *session.posargs, external=True)
    session.run("java", "-jar", "target/cognito-idp-examples.jar", "--auto", external=True)
    if not session.posargs:
        run_spec_harness(session, ["java", "-jar", "java/target/cognito-idp-examples.jar"])


@nox.session(python=PYTHON)
def kotlin(session: nox.Session) -> None:
    """Kotlin (SDK for Kotlin): ktlint, the JUnit tests, the scenario --auto and the
    specification harness on it (both modes), with Maven.

    The session's venv provides ``cognito-emulator`` on PATH and pytest for the harness; JDK 17
    and Maven come from the machine, every artifact from Maven Central at the version
    ``kotlin/pom.xml`` pins. Arguments go to Maven (e.g. ``-- -Dtest=SignUpTest``) and leave the
    harness out.
    """
    if shutil.which("java") is None or shutil.which("mvn") is None:
        session.error("needs JDK 17 and Maven (apt-get install openjdk-17-jdk-headless maven)")
    install_locked(session, extras=("test",))  # cognito-emulator; pytest for the harness
    session.chdir("kotlin")
    # a fresh build: compile, tests, target/cognito-idp-kotlin-examples.jar (the scenario), ktlint
    mvn = ("mvn", "-B", "--no-transfer-progress", "clean", "verify")
    session.run(*mvn, *session.posargs, external=True)
    session.run("java", "-jar", "target/cognito-idp-kotlin-examples.jar", "--auto", external=True)
    if not session.posargs:
        run_spec_harness(session, ["java", "-jar", "kotlin/target/cognito-idp-kotlin-examples.jar"])


@nox.session(python=PYTHON, venv_backend="none")
def lock(session: nox.Session) -> None:
    """Refresh uv.lock from pyproject.toml (arguments go to uv lock, e.g. -- --upgrade), and
    requirements-nox.txt from uv.lock."""
    uv = (sys.executable, "-m", "uv")  # the uv installed beside nox
    session.run(*uv, "lock", *session.posargs)
    session.run(*uv, *_export_nox_requirements()[1:], f"--output-file={NOX_REQUIREMENTS}")


def _export_nox_requirements() -> tuple[str, ...]:
    return (
        "uv",
        "export",
        "--locked",
        "--quiet",
        "--format=requirements.txt",
        "--no-emit-project",
        "--no-default-groups",
        "--only-group=nox",
        "--no-header",
    )
