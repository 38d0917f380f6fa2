# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Metadata records: each file parsed once into typed records that remember their lines."""

from __future__ import annotations

import pickle
from pathlib import Path

from docgen.metadata import Example, Ref, load_file
from docgen.validate import load_and_check

METADATA = """\
svc_SignUp:
  title: Use SignUp
  synopsis_list:
    - Sign up.
    - Confirm.
  languages:
    Python:
      versions:
        - sdk_version: 3
          github: python
          excerpts:
            - description: The call.
              snippet_tags:
                - python.svc.SignUp
                - python.svc.Other
        - sdk_version: three
          add_services:
            other: {Ping}
          excerpts:
            - snippet_files: [python/whole.py]
    Java:
      versions:
        - sdk_version: 2
  services:
    svc: {SignUp, ConfirmSignUp}
svc_Scenario_Journey:
  category: Basics
  services:
    svc:
svc_Broken: [not, a, mapping]
"""


def load(tmp_path: Path) -> dict[str, Example]:
    path = tmp_path / "svc_metadata.yaml"
    path.write_text(METADATA)
    return {ex.id: ex for ex in load_file(str(path)).examples}


def test_fields_are_typed_and_remember_their_lines(tmp_path: Path) -> None:
    ex = load(tmp_path)["svc_SignUp"]
    assert (ex.title, ex.line, ex.line_of("title"), ex.line_of("services")) == (
        "Use SignUp",
        1,
        2,
        24,
    )
    assert ex.synopsis_list == (Ref("Sign up.", 4), Ref("Confirm.", 5))
    assert [(v.language, v.language_line, v.line, v.sdk_version) for v in ex.versions] == [
        ("Python", 7, 9, 3),
        ("Python", 7, 16, None),  # "three" is left out; the schema check reports it
        ("Java", 21, 23, 2),
    ]
    first = ex.versions[0]
    assert (first.github, first.line_of("github")) == ("python", 10)
    [excerpt] = first.excerpts
    assert excerpt.description == "The call." and excerpt.line == 12
    assert excerpt.snippet_tags == (Ref("python.svc.SignUp", 14), Ref("python.svc.Other", 15))
    assert ex.versions[1].excerpts[0].snippet_files == (Ref("python/whole.py", 20),)
    assert list(ex.languages) == ["Python", "Java"] and len(ex.languages["Python"]) == 2


def test_services_merged_in_one_place(tmp_path: Path) -> None:
    ex = load(tmp_path)["svc_SignUp"]
    assert ex.services.actions == {"svc": ("SignUp", "ConfirmSignUp")}
    assert ex.services.line_of("svc") == 25
    assert ex.services_for(ex.versions[0]) == {"svc": ("SignUp", "ConfirmSignUp")}
    assert ex.services_for(ex.versions[1]) == {
        "svc": ("SignUp", "ConfirmSignUp"),
        "other": ("Ping",),
    }
    assert ex.services_for() == ex.services_for(ex.versions[1])


def test_category_action_and_non_mappings(tmp_path: Path) -> None:
    examples = load(tmp_path)
    assert (examples["svc_SignUp"].category, examples["svc_SignUp"].action) == ("Actions", "SignUp")
    journey = examples["svc_Scenario_Journey"]
    assert (journey.category, journey.action) == ("Basics", None)
    assert journey.services.actions == {"svc": ()}
    broken = examples["svc_Broken"]
    assert not broken.is_mapping and broken.versions == () and broken.line == 30


def test_a_checked_file_keeps_its_records_only(tmp_path: Path) -> None:
    path = tmp_path / "svc_metadata.yaml"
    path.write_text(METADATA)
    from docgen.config import Config

    checked = load_and_check(str(path), Config(folder=str(tmp_path)))
    assert checked.tree is None and checked.data == b""  # what later stages need: the records
    # What a worker process sends back (our own bytes, made just above).
    again = pickle.loads(pickle.dumps(checked))  # noqa: S301
    assert [ex.id for ex in again.examples] == ["svc_SignUp", "svc_Scenario_Journey", "svc_Broken"]
    assert again.examples[0].line_of("title") == 2
    assert any("sdk_version" in p.message for p in again.problems)
