"""Print the direct dependencies declared in pyproject.toml, one per line.

python scripts/list_deps.py runtime   # [project] dependencies: what a server installs
python scripts/list_deps.py dev       # the `dev` extra: tests, linting, build-time scripts
"""

import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
groups = {"runtime": project["dependencies"], "dev": project["optional-dependencies"]["dev"]}
which = sys.argv[1] if len(sys.argv) > 1 else "runtime"
if which not in groups:
    raise SystemExit(f"usage: list_deps.py {'|'.join(groups)}")
print("\n".join(groups[which]))
