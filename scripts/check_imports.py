"""Fail when application code imports inside a function, except where that is the rule's documented exception.

An import inside a function hides an arrow from the import contracts and usually dodges a cycle that should be
resolved by moving the shared piece lower. Allowed: `AppConfig.ready()` (apps load before models), and a lazy load
that says why on the import line itself (`# lazy: …`, e.g. a heavy library only one command needs). Migrations
are left out (Django runs their functions against historical models).

    python scripts/check_imports.py [paths…]     (default: every app package; exit 1 on a finding)
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = "# lazy:"


NOT_APPLICATION_CODE = {"tests", "bench", "scripts"}  # they set Django up first, then import what they measure


def app_packages():
    """Every top-level package of the repository that is application code (the project and its apps)."""
    return sorted(p for p in ROOT.iterdir() if (p / "__init__.py").is_file() and p.name not in NOT_APPLICATION_CODE)


def findings(path):
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, filename=str(path))
    found = []

    def visit(node, function=None):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, child)
            elif isinstance(child, ast.Import | ast.ImportFrom) and function is not None:
                allowed = (path.name == "apps.py" and function.name == "ready") or MARKER in lines[child.lineno - 1]
                if not allowed:
                    found.append((child.lineno, lines[child.lineno - 1].strip(), function.name))
            else:
                visit(child, function)

    visit(tree)
    return found


def main(argv):
    roots = [Path(a) for a in argv] or app_packages()
    problems = 0
    for root in roots:
        files = [root] if root.is_file() else sorted(root.rglob("*.py"))
        for path in files:
            if "migrations" in path.parts:
                continue
            for line, text, function in findings(path):
                problems += 1
                print(f"{path.relative_to(ROOT)}:{line}: import inside {function}(): {text}")
    if problems:
        print(
            f"\n{problems} import(s) inside functions: move them to the top of the module (put a piece two modules "
            f"share below both), or mark a deliberate lazy load on its line with '{MARKER} <why>'."
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
