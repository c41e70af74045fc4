"""The bench scripts are run by hand; these smoke tests run each with tiny parameters."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load_script(name: str):
    """Import bench/NAME.py as a module (bench/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def run_script():
    """Run a bench script as the docs say, in a fresh interpreter; returns the finished process."""

    def run(name: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PROTOKOLL_DATABASE")}
        return subprocess.run(
            [sys.executable, str(BENCH / f"{name}.py"), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            cwd=BENCH.parent,
        )

    return run
