"""Quality gates on the built site: valid HTML everywhere."""

import shutil
import subprocess

import pytest
from conftest import ROOT

VNU = ROOT / "build" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(built):
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail(f"the Nu HTML checker is needed at {VNU} (.ci/run installs it with npm)")
    pages = sorted(str(p) for p in (built / "site").rglob("*.html"))
    assert len(pages) > 120
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "gnu", *pages],
        capture_output=True,
        text=True,
    )
    errors = [line for line in (result.stdout + result.stderr).splitlines() if "error" in line]
    assert result.returncode == 0 and errors == [], "\n".join(errors[:20])
