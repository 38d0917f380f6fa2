# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""The ``collection`` fixture: a small code-example collection in tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docgen_fixtures import SDKS, SERVICES, SLUG

Builder = Callable[..., Path]


@pytest.fixture
def collection(tmp_path: Path) -> Builder:
    """``collection(metadata=..., files={path: text}, validation=...)`` -> the root folder.

    The metadata goes to ``metadata/<slug>_metadata.yaml`` and the configuration to
    ``metadata/config/`` (docgen's defaults), unless told otherwise.
    """

    def build(
        metadata: str = "",
        files: dict[str, str | bytes] | None = None,
        validation: str | None = None,
        metadata_name: str = f"{SLUG}_metadata.yaml",
    ) -> Path:
        config = tmp_path / "metadata" / "config"
        config.mkdir(parents=True, exist_ok=True)
        (config / "sdks.yaml").write_text(SDKS)
        (config / "services.yaml").write_text(SERVICES)
        (config / "entities.yaml").write_text('expanded_override:\n  "&AWS;": "AWS"\n')
        if validation is not None:
            (config / "validation.yaml").write_text(validation)
        (tmp_path / "metadata" / metadata_name).write_text(metadata)
        for name, content in (files or {}).items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content)
        return tmp_path

    return build
