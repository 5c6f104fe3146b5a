"""Runtime install size: a fresh virtual environment with a lock file installed, measured on disk.

    .venv/bin/python bench/bench_install.py [--lock requirements.lock] [--lock requirements-dev.lock]

For each lock file: create a venv in a temporary directory, `pip install -r LOCK` (pip's download cache is
used, nothing else is shared), print the size of the environment and its five largest packages, remove it.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tree_size(path):
    total = 0
    for dirpath, _dirnames, filenames in os.walk(path):
        for name in filenames:
            file = Path(dirpath) / name
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def largest_packages(site_packages, count=5):
    sizes = [
        (tree_size(entry) if entry.is_dir() else entry.stat().st_size, entry.name) for entry in site_packages.iterdir()
    ]
    return sorted(sizes, reverse=True)[:count]


def measure(lock):
    with tempfile.TemporaryDirectory(prefix="portal-install-") as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        started = time.monotonic()
        subprocess.run(
            [
                str(venv / "bin" / "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
                lock,
            ],
            check=True,
            cwd=ROOT,
        )
        seconds = time.monotonic() - started
        site = next((venv / "lib").glob("python*/site-packages"))
        pip_size = sum(tree_size(p) for p in site.glob("pip*"))
        size = tree_size(venv) - pip_size
        print(f"{lock}: {size / 1e6:.0f} MB installed (pip itself excluded), install took {seconds:.0f} s")
        for package_size, name in largest_packages(site):
            print(f"    {package_size / 1e6:7.1f} MB  {name}")
        shutil.rmtree(venv)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lock", action="append", help="lock file(s) relative to the project (default: requirements.lock)"
    )
    args = parser.parse_args()
    for lock in args.lock or ["requirements.lock"]:
        measure(lock)


if __name__ == "__main__":
    main()
