"""Python code run in a fresh interpreter from the repository's root (what a server or a
benchmark process imports, without this test process's modules and Dash pages)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.paths import ROOT


def last_line(code: str, **env: str) -> str:
    """The last line `code` prints, run with these environment variables added; a failure
    of the code fails the test with its error output."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]
