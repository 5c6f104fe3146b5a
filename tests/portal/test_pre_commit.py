"""The pre-commit configuration stays usable: valid for pre-commit, and every hook runs a command that exists."""

import shlex
import subprocess
import sys

import yaml

from tests.conftest import ROOT

CONFIG = ROOT / ".pre-commit-config.yaml"


def test_the_configuration_is_valid():
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(CONFIG)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_hook_runs_a_tool_of_the_project():
    hooks = [hook for repo in yaml.safe_load(CONFIG.read_text())["repos"] for hook in repo["hooks"]]
    assert {"ruff-check", "import-contracts", "djlint", "eslint", "stylelint", "translations"} <= {
        h["id"] for h in hooks
    }
    for hook in hooks:
        command = shlex.split(hook["entry"])
        if command[0] == "npx":
            assert (ROOT / "node_modules" / ".bin" / command[-1]).exists(), hook["id"]
            continue
        assert (ROOT / command[0]).exists(), f"{hook['id']}: {command[0]} is missing (make install)"
        scripts = [part for part in command[1:] if part.endswith(".py")]
        assert all((ROOT / script).is_file() for script in scripts), hook["id"]
