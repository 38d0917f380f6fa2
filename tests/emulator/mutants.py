# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Mutation check of the emulator's security checks (``nox -s mutation``; issue 9, item 8).

Each mutant below is one targeted edit of one security check in ``src/cognito_emulator/``:
the bug a careless change would bring (a code that confirms another user, a session reused
after success, a TOTP window of two steps...). For each, this script copies the project to a
temporary folder, applies the edit there (the checkout is never touched), runs the tests that
should catch it, and reports whether they did: **killed** (a test failed) or **survived**
(every test passed: a check no test holds). A mutant whose original text is no longer in its
file is **stale**: the code moved on, update the mutant. The score is killed / (killed +
survived); the exit status is 1 if any mutant survived, is stale, or is no valid Python.

    python tests/emulator/mutants.py               # every mutant
    python tests/emulator/mutants.py --list        # their names
    python tests/emulator/mutants.py NAME [NAME...]

Why not mutmut: it mutates every line of every module (thousands of mutants, mostly of
messages and plumbing), and each runs the suite; on a shared 2-core machine that takes hours,
and its score says little about the checks that matter. These mutants are the checks that do.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "src/cognito_emulator"

SECURITY = "tests/emulator/test_security_checks.py"
HOSTILE = "tests/emulator/test_hostile_text.py"
MODELS = "tests/emulator/test_models.py"
FLOWS = "tests/emulator/test_http_flows.py"
ANSWERS = "tests/emulator/test_cognito_answers.py"
REFRESH = "tests/emulator/test_refresh_tokens.py"
TOKENS = "tests/emulator/test_token_details.py"
LIFECYCLE = "tests/emulator/test_token_lifecycle.py"
ONE_TIME = "tests/emulator/test_totp_one_time.py"
ATTRIBUTES = "tests/emulator/test_user_attributes.py"


@dataclass(frozen=True)
class Mutant:
    """Replace ``original`` (exactly once in ``file``) by ``mutated``; ``tests`` must fail."""

    name: str
    file: str  # under src/cognito_emulator/
    original: str
    mutated: str
    tests: tuple[str, ...]


def _drop_line(name: str, file: str, before: str, line: str, after: str, *tests: str) -> Mutant:
    """A mutant that deletes ``line`` (found between ``before`` and ``after``)."""
    return Mutant(name, file, before + line + after, before + after, tests)


MUTANTS: tuple[Mutant, ...] = (
    # ------------------------------------------------------------ delivered codes
    Mutant(
        "code-of-another-user-confirms",
        "delivery.py",
        "matches = [c for c in state.codes if c.purpose",
        "matches = [c for s in backend.user_states.values() for c in s.codes if c.purpose",
        (SECURITY,),
    ),
    Mutant(
        "expired-code-accepted",
        "delivery.py",
        "if all(c.expires_at <= now for c in matches):",
        "if False:",
        (MODELS,),
    ),
    _drop_line(
        "code-used-twice",
        "delivery.py",
        "        raise ExpiredCodeException("
        '"Invalid code provided, please request a code again.")\n',
        "    state.codes = [c for c in state.codes if c.purpose != purpose]\n",
        "\n\ndef has_code(",
        MODELS,
    ),
    Mutant(
        "attribute-verified-without-its-code",
        "attributes.py",
        "        delivery.use_code(self, user, _purpose(name), code)\n",
        "",
        (ATTRIBUTES,),
    ),
    # ------------------------------------------------------------ passwords and secrets
    Mutant(
        "password-not-checked",
        "auth.py",
        "if user.password is None or not same_secret(str(user.password), password):",
        "if user.password is None:",
        (SECURITY,),
    ),
    Mutant(
        "wrong-password-accepted-with-totp",
        "auth.py",
        "if user.password is None or not same_secret(str(user.password), password):",
        "if self.state_of(user).totp_secret is None and (\n"
        "            user.password is None or not same_secret(str(user.password), password)\n"
        "        ):",
        (SECURITY,),
    ),
    Mutant(
        "srp-proof-not-checked",
        "srp_auth.py",
        "    if not valid:\n        raise NotAuthorizedException(INCORRECT_PASSWORD)\n"
        "    device_key = ",
        "    if False:\n        raise NotAuthorizedException(INCORRECT_PASSWORD)\n"
        "    device_key = ",
        (SECURITY,),
    ),
    Mutant(
        "wrong-srp-proof-accepted-with-totp",
        "srp_auth.py",
        "    if not valid:\n        raise NotAuthorizedException(INCORRECT_PASSWORD)\n"
        "    device_key = ",
        "    if not valid and backend.state_of(user).totp_secret is None:\n"
        "        raise NotAuthorizedException(INCORRECT_PASSWORD)\n    device_key = ",
        (SECURITY,),
    ),
    Mutant(
        "device-proof-not-checked",
        "srp_auth.py",
        "    valid = _claim_holds(session.srp, device.group_key, device.key, responses)",
        "    valid = True",
        (FLOWS,),
    ),
    Mutant(
        "wrong-secret-hash-accepted",
        "backend_base.py",
        '        raise NotAuthorizedException(f"Unable to verify secret hash for client '
        '{client.id}")',
        "        return",
        (MODELS, HOSTILE),
    ),
    Mutant(
        "missing-secret-hash-accepted",
        "backend_base.py",
        "        if not secret_hash:\n            raise NotAuthorizedException(",
        "        if False:\n            raise NotAuthorizedException(",
        (MODELS,),
    ),
    Mutant(
        "secret-compared-as-str-bytes",  # issue 9, 2(c): a lone surrogate was a 500
        "text.py",
        'expected.encode("utf-8", "surrogatepass"), given.encode("utf-8", "surrogatepass")',
        "expected.encode(), given.encode()",
        (HOSTILE,),
    ),
    Mutant(
        "lone-surrogate-matches-a-pattern",  # issue 9, 2(c): SignUp kept such a password
        "validation.py",
        "return is_text(value) and pattern.fullmatch(value) is not None",
        "return pattern.fullmatch(value) is not None",
        (HOSTILE,),
    ),
    Mutant(
        "password-policy-ignored",
        "passwords.py",
        "if rules[rule] and not any(matches(char) for char in password):",
        "if False:",
        ("tests/emulator/test_password_policy.py",),
    ),
    # ------------------------------------------------------------ TOTP
    Mutant(
        "totp-window-of-two-steps",
        "mfa.py",
        "for step in (current - 1, current, current + 1):",
        "for step in range(current - 2, current + 3):",
        (SECURITY,),
    ),
    Mutant(
        "totp-code-used-twice",  # issue 15, 3 (RFC 6238, section 5.2)
        "mfa.py",
        "if last is not None and last[0] == secret and step <= last[1]:",
        "if last is not None and last[0] == secret and step < last[1]:",
        (ONE_TIME,),
    ),
    Mutant(
        "totp-earlier-code-after-a-later-one",
        "mfa.py",
        "if last is not None and last[0] == secret and step <= last[1]:",
        "if last is not None and last[0] == secret and step == last[1]:",
        (ONE_TIME,),
    ),
    Mutant(
        "totp-takes-any-unicode-digit",  # issue 9, 4: as pyotp's verify does (NFKC)
        "mfa.py",
        "    if not isinstance(code, str) or not _SIX_ASCII_DIGITS.fullmatch(code):\n"
        "        return None\n"
        "    totp = pyotp.TOTP(secret)\n"
        "    current = int(now) // totp.interval\n"
        "    for step in (current - 1, current, current + 1):\n"
        "        if same_secret(totp.generate_otp(step), code):",
        "    if not isinstance(code, str) or len(code) != 6 or not code.isdigit():\n"
        "        return None\n"
        "    totp = pyotp.TOTP(secret)\n"
        "    current = int(now) // totp.interval\n"
        "    for step in (current - 1, current, current + 1):\n"
        "        if same_secret(totp.generate_otp(step), "
        '__import__("unicodedata").normalize("NFKC", code)):',
        (HOSTILE,),
    ),
    Mutant(
        "mfa-code-not-checked",
        "auth.py",
        "if secret is None or not accept_totp(state, secret, code, self.now()):",
        "if secret is None:",
        (SECURITY,),
    ),
    Mutant(
        "setup-code-not-checked",
        "mfa.py",
        "if not accept_totp(state, state.pending_totp_secret, user_code, self.now()):",
        "if False:",
        (SECURITY,),
    ),
    Mutant(
        "unlimited-wrong-mfa-codes",
        "auth.py",
        "                if session.attempts >= MAX_MFA_ATTEMPTS:",
        "                if False:",
        (SECURITY,),
    ),
    Mutant(
        "mfa-skipped-for-a-user-with-totp",
        "mfa.py",
        '        if totp_ready and totp_allowed:\n            return "SOFTWARE_TOKEN_MFA"',
        "        if totp_ready and totp_allowed:\n            return None",
        (SECURITY,),
    ),
    Mutant(
        "mfa-setup-finished-unverified",
        "auth.py",
        "            if not session.totp_verified:",
        "            if False:",
        (MODELS,),
    ),
    Mutant(
        "any-session-associates-a-token",
        "mfa.py",
        '            if session.challenge != "MFA_SETUP":',
        "            if False:",
        (SECURITY,),
    ),
    # ------------------------------------------------------------ challenge sessions
    Mutant(
        "session-answers-for-another-user",
        "auth.py",
        "if user is None or user.username != session.username:",
        "if user is None:",
        (SECURITY,),
    ),
    Mutant(
        "session-answers-for-another-client",
        "auth.py",
        "if session.client_id != client.id or session.pool_id != pool.id:",
        "if session.pool_id != pool.id:",
        (SECURITY,),
    ),
    Mutant(
        "session-answers-another-challenge",
        "auth.py",
        "        if session.challenge != challenge_name:",
        "        if False:",
        (SECURITY,),
    ),
    Mutant(
        "session-never-expires",
        "sessions.py",
        "        if self.clock.now() > session.expires_at:\n            self.drop(session)",
        "        if False:\n            self.drop(session)",
        (MODELS,),
    ),
    _drop_line(
        "mfa-session-reused-after-success",
        "auth.py",
        '                raise CodeMismatchException("Invalid code received for user")\n',
        "            self.auth_sessions.drop(session)\n",
        "            return signin.signed_in(",
        SECURITY,
    ),
    _drop_line(
        "mfa-setup-session-reused-after-success",
        "auth.py",
        '                    "Software Token MFA has not been set up for the user."\n'
        "                )\n",
        "            self.auth_sessions.drop(session)\n",
        "            return signin.signed_in(",
        SECURITY,
    ),
    _drop_line(
        "new-password-session-reused-after-success",
        "auth.py",
        "            user.update_attributes(extra)\n",
        "        self.auth_sessions.drop(session)\n",
        "        return signin.after_first_factor(",
        SECURITY,
    ),
    Mutant(
        "password-verifier-reused-after-success",
        "srp_auth.py",
        "    backend.auth_sessions.drop(session)\n    if not valid:\n",
        "    if not valid:\n",
        (SECURITY,),
    ),
    _drop_line(
        "device-srp-session-reused",
        "srp_auth.py",
        '        raise InvalidParameterException(f"Invalid SRP_A: {exc}") from None\n',
        "    backend.auth_sessions.drop(session)\n",
        "    new = backend.new_session(",
        SECURITY,
    ),
    _drop_line(
        "device-verifier-reused-after-success",
        "srp_auth.py",
        "    device = remembered_device(backend.state_of(user), session.device_key)\n",
        "    backend.auth_sessions.drop(session)\n",
        "    if device is None or session.srp is None:",
        SECURITY,
    ),
    Mutant(
        "association-session-reused",
        "mfa.py",
        "        client = pool.clients[auth.client_id]\n        self.auth_sessions.drop(auth)\n"
        '        new = self.new_session(pool, client, user.username, "MFA_SETUP", device_key',
        "        client = pool.clients[auth.client_id]\n"
        '        new = self.new_session(pool, client, user.username, "MFA_SETUP", device_key',
        (SECURITY,),
    ),
    Mutant(
        "verification-session-reused",
        "mfa.py",
        "        self.auth_sessions.drop(auth)\n"
        "        new = self.new_session(\n            pool,\n",
        "        new = self.new_session(\n            pool,\n",
        (SECURITY,),
    ),
    # ------------------------------------------------------------ who may sign in, and how
    Mutant(
        "disabled-user-signs-in",
        "auth.py",
        '        if not user.enabled:\n            raise NotAuthorizedException("User is '
        'disabled.")\n        if flow is AuthFlow.USER_SRP_AUTH:',
        "        if flow is AuthFlow.USER_SRP_AUTH:",
        (SECURITY,),
    ),
    Mutant(
        "unconfirmed-user-signs-in",
        "signin.py",
        "    if user.status == UserStatus.UNCONFIRMED:\n"
        '        raise UserNotConfirmedException("User is not confirmed.")\n',
        "",
        (MODELS,),
    ),
    Mutant(
        "auth-flows-not-enforced",
        "auth.py",
        "        if not names & set(allowed):",
        "        if False:",
        (SECURITY,),
    ),
    Mutant(
        "missing-user-revealed",
        "auth.py",
        "if pool._get_user(username) is None and hides_missing_users(client):",
        "if False:",
        ("tests/emulator/test_user_existence_errors.py",),
    ),
    Mutant(
        "forgotten-device-still-skips-mfa",
        "devices.py",
        "if device and device.confirmed and device.remembered and device.verifier:",
        "if device and device.confirmed and device.verifier:",
        (FLOWS,),
    ),
    Mutant(
        "no-device-key-with-the-new-device",  # issue 15, 4
        "signin.py",
        "    tokens = backend.issue_tokens(pool, client, user, "
        "device_key=device.key if device else None)",
        "    tokens = backend.issue_tokens(pool, client, user)",
        (TOKENS,),
    ),
    Mutant(
        "immutable-attribute-changed",
        "attributes.py",
        "        if schema is not None and schema.mutable is False:  # sub, among others",
        "        if False:",
        (ATTRIBUTES,),
    ),
    Mutant(
        "required-attribute-deleted",
        "attributes.py",
        "            if schema is not None and schema.required:",
        "            if False:",
        (ATTRIBUTES,),
    ),
    Mutant(
        "changed-email-replaces-the-verified-one-at-once",
        "attributes.py",
        "            if name in auto and name in keep_original and "
        "user.attribute_lookup.get(name):",
        "            if False:",
        (ATTRIBUTES,),
    ),
    Mutant(
        "email-of-another-user-taken",
        "attributes.py",
        '        self._verify_email_is_not_used(pool.id, changes.get("email") or None)\n',
        "",
        (ATTRIBUTES,),
    ),
    Mutant(
        "device-skips-mfa-when-the-pool-says-no",
        "signin.py",
        "if device is not None and (challenge is None or device_replaces_mfa(pool)):",
        "if device is not None:",
        (ANSWERS,),
    ),
    # ------------------------------------------------------------ tokens
    Mutant(
        "expired-access-token-accepted",
        "backend_base.py",
        'if float(claims.get("exp", 0)) <= self.now():',
        "if False:",
        (MODELS,),
    ),
    Mutant(
        "revoked-access-token-accepted",
        "backend_base.py",
        "        for sign_in in self.sign_ins.drop(sign_ins):",
        "        for sign_in in []:",
        (FLOWS,),
    ),
    Mutant(
        "id-token-passes-for-an-access-token",
        "backend_base.py",
        'if claims.get("token_use") != "access" or claims.get("iss") != self.issuer(pool):',
        'if claims.get("iss") != self.issuer(pool):',
        (TOKENS,),
    ),
    Mutant(
        "token-of-another-issuer-accepted",
        "backend_base.py",
        'if claims.get("token_use") != "access" or claims.get("iss") != self.issuer(pool):',
        'if claims.get("token_use") != "access":',
        (TOKENS,),
    ),
    Mutant(
        "token-of-a-deleted-users-name-accepted",  # issue 9, 3
        "backend_base.py",
        "            or user.id != sign_in.sub\n            or sign_in.sub",
        "            or sign_in.sub",
        (LIFECYCLE,),
    ),
    Mutant(
        "token-claims-another-sub",
        "backend_base.py",
        '            or sign_in.sub != claims.get("sub")\n',
        "",
        (TOKENS,),
    ),
    Mutant(
        "disabled-users-access-token-accepted",
        "backend_base.py",
        "        if not user.enabled:\n"
        '            raise NotAuthorizedException("User is disabled.")\n'
        "        return pool, user, sign_in",
        "        return pool, user, sign_in",
        (LIFECYCLE,),
    ),
    Mutant(
        "one-pool-key-for-every-pool",  # issue 9, 7
        "backend_base.py",
        "            keys = self.pool_keys[user_pool_id] = PoolKeys()",
        "            keys = self.pool_keys[user_pool_id] = next(\n"
        "                iter(self.pool_keys.values()), None\n"
        "            ) or PoolKeys()",
        (TOKENS,),
    ),
    Mutant(
        "id-and-access-tokens-share-a-key",  # issue 15, 4
        "signing.py",
        "                key = self._signing[token_use] = _SigningKey()",
        "                key = self._signing[token_use] = next(\n"
        "                    iter(self._signing.values()), None\n"
        "                ) or _SigningKey()",
        (TOKENS,),
    ),
    Mutant(
        "refresh-token-of-another-client-accepted",
        "backend_base.py",
        'if contents is None or contents.get("c") != client.id:',
        "if contents is None:",
        (REFRESH,),
    ),
    Mutant(
        "expired-refresh-token-accepted",
        "backend_base.py",
        'if not isinstance(contents.get("e"), (int, float)) or contents["e"] <= now:',
        "if False:",
        (REFRESH,),
    ),
    Mutant(
        "refresh-token-of-a-deleted-users-name-accepted",  # issue 9, 3
        "backend_base.py",
        "        if sign_in is None or user is None or user.id != sign_in.sub:\n"
        '            raise NotAuthorizedException("Refresh Token has been revoked")',
        "        if sign_in is None or user is None:\n"
        '            raise NotAuthorizedException("Refresh Token has been revoked")',
        (LIFECYCLE,),
    ),
    Mutant(
        "rotated-refresh-token-accepted",  # issue 15, 1
        "backend_base.py",
        'if contents.get("r") != sign_in.refresh_id and not in_grace:',
        "if False:",
        (REFRESH,),
    ),
    Mutant(
        "rotated-refresh-token-accepted-after-its-grace",
        "backend_base.py",
        " and now < sign_in.retired_until",
        "",
        (REFRESH,),
    ),
    Mutant(
        "refresh-token-auth-with-rotation",
        "auth.py",
        "        if rotation_grace(client) is not None:\n            raise",
        "        if False:\n            raise",
        (REFRESH,),
    ),
    _drop_line(
        "refresh-without-the-client-secret",
        "tokens.py",
        "        client, pool = self._client_and_pool(client_id)\n",
        "        _check_client_secret(client, client_secret)\n",
        "        user, sign_in, refresh_id = ",
        REFRESH,
    ),
    Mutant(
        "disabled-users-refresh-token-accepted",
        "tokens.py",
        "        if not user.enabled:\n"
        '            raise NotAuthorizedException("User is disabled.")\n'
        "        grace",
        "        grace",
        (REFRESH,),
    ),
    _drop_line(
        "refresh-token-revoked-by-another-client",
        "tokens.py",
        "            return  # RFC 7009: a token the server doesn't know is not an error\n",
        '        if contents.get("c") != client_id:\n'
        '            raise NotAuthorizedException("Invalid Refresh Token")\n',
        "        sign_in = self.sign_ins.get(",
        REFRESH,
    ),
    Mutant(
        "global-sign-out-revokes-nothing",
        "tokens.py",
        "        pool, user, _ = self.resolve_access_token(access_token)\n"
        "        self.revoke_user_tokens(pool, user)\n",
        "        self.resolve_access_token(access_token)\n",
        (FLOWS,),
    ),
    Mutant(
        "admin-global-sign-out-revokes-nothing",
        "tokens.py",
        "        self.revoke_user_tokens(pool, self.admin_get_user(user_pool_id, username))",
        "        self.admin_get_user(user_pool_id, username)",
        (REFRESH,),
    ),
    _drop_line(
        "deleted-users-sign-ins-kept",  # issue 9, 5
        "backend_base.py",
        "        user = self.admin_get_user(user_pool_id, username)\n",
        "        self.revoke_user_tokens(pool, user)\n",
        "        super().admin_delete_user(",
        LIFECYCLE,
    ),
    Mutant(
        "deleted-pools-sign-ins-kept",
        "backend_base.py",
        "        self.revoke_sign_ins(self.sign_ins.of_pool(pool.id))\n",
        "",
        (LIFECYCLE,),
    ),
    Mutant(
        "unconfirmed-new-devices-kept",
        "backend_base.py",
        "        if state is not None and device is not None and not device.confirmed:",
        "        if False:",
        (LIFECYCLE,),
    ),
    Mutant(
        "expiry-heap-never-compacted",
        "sign_ins.py",
        "        if len(self._expiry) > 2 * len(self._by_origin) + _COMPACT_SLACK:",
        "        if False:",
        (LIFECYCLE,),
    ),
    Mutant(
        "jwks-with-a-wrong-kid",
        "server.py",
        "            document = backend.jwks(pool_id)",
        '            document = {"keys": [dict(k, kid="x" + k["kid"]) '
        'for k in backend.jwks(pool_id)["keys"]]}',
        (SECURITY,),
    ),
)


def _copy_project(target: Path) -> None:
    """What the tests need: pyproject.toml (pytest's settings), src/ and tests/."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
    shutil.copy2(ROOT / "pyproject.toml", target / "pyproject.toml")
    for folder in ("src", "tests"):
        shutil.copytree(ROOT / folder, target / folder, ignore=ignore)


def _run_tests(copy: Path, tests: tuple[str, ...]) -> bool:
    """Whether ``tests`` pass on the copy (its ``src`` first on the path, no bytecode kept)."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(copy / "src")}
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-n", "0", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [*command, *tests], cwd=copy, env=env, capture_output=True, text=True, check=False
    )
    return result.returncode == 0


def _check_copy_is_used(copy: Path) -> None:
    """The copy's package is the one imported (not the checkout's editable install)."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(copy / "src")}
    found = subprocess.run(
        [sys.executable, "-c", "import cognito_emulator; print(cognito_emulator.__file__)"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(found).is_relative_to(copy):
        raise SystemExit(f"mutants: the copy is not imported ({found}); nothing would be tested")


def _compiles(source: str, path: Path) -> bool:
    try:
        compile(source, str(path), "exec")
    except SyntaxError:
        return False
    return True


def run(mutants: list[Mutant]) -> int:
    """Apply each mutant to a fresh copy of its file, run its tests, report; exit status."""
    results: dict[str, list[str]] = {"killed": [], "survived": [], "stale": [], "invalid": []}
    with tempfile.TemporaryDirectory(prefix="cognito-mutants-") as folder:
        copy = Path(folder)
        _copy_project(copy)
        _check_copy_is_used(copy)
        baseline = tuple(sorted({t for m in mutants for t in m.tests}))
        print(f"baseline: {len(baseline)} test files on the unchanged code...", flush=True)
        if not _run_tests(copy, baseline):
            print("mutants: the tests fail without any mutant; fix them first", file=sys.stderr)
            return 2
        for number, mutant in enumerate(mutants, start=1):
            path = copy / PACKAGE / mutant.file
            source = path.read_text(encoding="utf-8")  # the copy's: the checkout may change
            started = time.perf_counter()
            mutated = source.replace(mutant.original, mutant.mutated)
            if source.count(mutant.original) != 1:
                outcome = "stale"
            elif not _compiles(mutated, path):
                outcome = "invalid"  # a mutant that is no Python kills every test: no proof
            else:
                path.write_text(mutated, encoding="utf-8")
                try:
                    outcome = "survived" if _run_tests(copy, mutant.tests) else "killed"
                finally:
                    path.write_text(source, encoding="utf-8")
            results[outcome].append(mutant.name)
            elapsed = time.perf_counter() - started
            print(f"[{number:2}/{len(mutants)}] {outcome:8} {mutant.name} ({elapsed:.1f} s)")
    killed, survived = len(results["killed"]), len(results["survived"])
    score = killed / (killed + survived) if killed + survived else 0.0
    print(
        f"\n{killed} killed, {survived} survived, {len(results['stale'])} stale, "
        f"{len(results['invalid'])} invalid: "
        f"mutation score {score:.0%} ({killed}/{killed + survived})"
    )
    problems = [(o, name) for o in ("survived", "stale", "invalid") for name in results[o]]
    for outcome, name in problems:
        print(f"  {outcome}: {name}")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python tests/emulator/mutants.py", description=__doc__.splitlines()[0]
    )
    parser.add_argument("names", nargs="*", help="run only these mutants")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    args = parser.parse_args(argv)
    if args.list:
        for mutant in MUTANTS:
            print(f"{mutant.name:45} {mutant.file}")
        return 0
    # SIGTERM ends the run like Ctrl-C does: the temporary copy is removed
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    by_name = {m.name: m for m in MUTANTS}
    unknown = [n for n in args.names if n not in by_name]
    if unknown:
        parser.error(f"unknown mutant(s): {', '.join(unknown)} (see --list)")
    return run([by_name[n] for n in args.names] if args.names else list(MUTANTS))


if __name__ == "__main__":
    raise SystemExit(main())
