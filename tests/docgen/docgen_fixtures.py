# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Helpers that build fixture collections for the docgen tests.

Marker lines and key-shaped strings are assembled at run time, so that this folder does not
itself contain snippets, deny-listed words or look-alike keys for ``docgen validate``.
"""

from __future__ import annotations

import random
import string

SLUG = "cognito-identity-provider"

SDKS = """\
CLI:
  property: cli
  sdk:
    2:
      long: "&CLIlong;"
      short: "&CLI;"
      api_ref:
        uid: aws-cli
        service_map:
          cognito-identity-provider: cognito-idp
JavaScript:
  property: javascript
  sdk:
    3:
      long: "&JSBlong; (v3)"
      short: "&JSB; (v3)"
Python:
  property: python
  sdk:
    3:
      long: "&Python3long;"
      short: "&Python3;"
      api_ref:
        uid: boto3
"""

SERVICES = """\
cognito-identity-provider:
  long: "&COGIDP;"
  short: "&COGIDP;"
  expanded:
    long: Amazon Cognito Identity Provider
    short: Amazon Cognito Identity Provider
  sort: Cognito Identity Provider
  version: cognito-idp-2016-04-18
"""


def start(tag: str, comment: str = "#") -> str:
    return f"{comment} snippet-" + f"start:[{tag}]"


def end(tag: str, comment: str = "#") -> str:
    return f"{comment} snippet-" + f"end:[{tag}]"


def python_action(tag: str, call: str) -> str:
    """A Python module whose snippet ``tag`` calls ``client.<call>(...)``."""
    return "\n".join(
        [
            "import logging",
            "",
            start(tag),
            f"def {call}(client, name):",
            '    """Do it."""',
            f"    return client.{call}(Name=name)",
            end(tag),
            "",
        ]
    )


def action_entry(
    action: str,
    tag: str,
    *,
    language: str = "Python",
    sdk: int = 3,
    github: str = "python",
    services: str | None = None,
    title: str | None = None,
    synopsis: str = "do the thing.",
) -> str:
    return "\n".join(
        [
            f"{SLUG}_{action}:",
            f"  title: {title or f'Use {action} with an &AWS; SDK'}",
            f"  title_abbrev: {action}",
            f"  synopsis: {synopsis}",
            "  category: Actions",
            "  languages:",
            f"    {language}:",
            "      versions:",
            f"        - sdk_version: {sdk}",
            f"          github: {github}",
            "          excerpts:",
            "            - description:",
            "              snippet_tags:",
            f"                - {tag}",
            "  services:",
            f"    {SLUG}: {{{services or action}}}",
            "",
        ]
    )


def fake_key_id(seed: int = 1, prefix: str = "AKIA") -> str:
    """A string shaped like an AWS access key id: a key prefix and 16 random characters of
    base 32 (made here, so that no file of the repository holds one)."""
    return prefix + "".join(random.Random(seed).choices(string.ascii_uppercase + "234567", k=16))


def fake_secret(seed: int = 1) -> str:
    """A string shaped like an AWS secret access key: 40 random characters of base 64."""
    alphabet = string.ascii_letters + string.digits + "/+"
    while True:
        secret = "".join(random.Random(seed).choices(alphabet, k=40))
        if any(c.isdigit() for c in secret) and any(c.isupper() for c in secret):
            return secret
        seed += 1000  # pragma: no cover - the first draw mixes them
