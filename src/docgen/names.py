# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""An API action's name in the case each SDK spells it: the one case converter of docgen.

``SetUserMFAPreference`` is the words ``Set User MFA Preference``; from them come
``set_user_mfa_preference`` (Python, Rust, Ruby), ``set-user-mfa-preference`` (the AWS CLI,
API-reference links), ``setUserMFAPreference`` (Java, Kotlin, PHP) and the canonical form
``setusermfapreference`` in which names written in any of these cases compare equal.
"""

from __future__ import annotations

import re
from functools import cache

# A word ends before a capitalised word that follows an upper-case run ("MFA|Preference") and
# before a capital that follows a lower-case letter or a digit ("Set|User", "EC2|Describe").
_RUN_BEFORE_WORD = re.compile(r"([A-Z]+)([A-Z][a-z])")
_LOWER_BEFORE_UPPER = re.compile(r"([a-z0-9])([A-Z])")


def words(action: str) -> list[str]:
    """``SetUserMFAPreference`` -> ``["Set", "User", "MFA", "Preference"]``."""
    marked = _LOWER_BEFORE_UPPER.sub(r"\1 \2", _RUN_BEFORE_WORD.sub(r"\1 \2", action))
    return marked.split()


def snake(action: str) -> str:
    """``SetUserMFAPreference`` -> ``set_user_mfa_preference``."""
    return "_".join(words(action)).lower()


def kebab(action: str) -> str:
    """``SetUserMFAPreference`` -> ``set-user-mfa-preference``."""
    return "-".join(words(action)).lower()


def camel(action: str) -> str:
    """``AssociateSoftwareToken`` -> ``associateSoftwareToken`` (only the first letter changes)."""
    return action[:1].lower() + action[1:]


def canonical(name: str) -> str:
    """The form in which every spelling of a name compares equal: lower case, no ``_``/``-``."""
    return name.replace("_", "").replace("-", "").lower()


@cache
def abbreviations(action: str) -> re.Pattern[str]:
    """The canonical names that shorten ``action`` word by word: each word kept as its first
    letter and any of its other letters, in order (``CreateConfigurationSetEventDestination``
    -> ``createconfseteventdst``; ``DescribeDBClusters`` is no shortening of
    ``DescribeDBClusterParameterGroups``: every word must leave a letter)."""
    parts = []
    for word in words(action):
        letters = word.lower()
        parts.append(re.escape(letters[0]) + "".join(f"{re.escape(c)}?" for c in letters[1:]))
    return re.compile("".join(parts))
