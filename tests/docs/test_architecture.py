"""docs/architecture.md stays true: its app table names exactly the installed project apps with their labels, and
the import contracts cover every one of them."""

import re
import tomllib

from django.apps import apps

from tests.conftest import ROOT

DOC = ROOT / "docs" / "architecture.md"
ROW = re.compile(r"^\| `([\w.]+)` \(`(\w+)`\) \|", re.M)


def project_apps():
    """{module path: label} of the installed apps whose code is in this repository."""
    return {
        config.name: config.label
        for config in apps.get_app_configs()
        if (ROOT / config.name.split(".")[0] / "__init__.py").is_file()
    }


def documented_apps():
    table = DOC.read_text(encoding="utf-8").split("<!-- apps:", 1)[1].split("\n\n", 1)[0]
    return dict(ROW.findall(table))


def test_the_app_table_names_exactly_the_installed_apps_and_their_labels():
    assert documented_apps() == project_apps()


def test_the_import_contracts_cover_every_app():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    top_level = {name.split(".")[0] for name in project_apps()} | {"portal"}
    assert set(config["root_packages"]) == top_level
    layers = next(contract for contract in config["contracts"] if contract["id"] == "layers")["layers"]
    layered = {name.strip() for layer in layers for name in layer.split("|")}
    assert top_level <= layered, "every app has a place in the layers contract"


def test_the_docs_name_every_import_contract():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    text = DOC.read_text(encoding="utf-8")
    missing = [contract["id"] for contract in config["contracts"] if f"`{contract['id']}`" not in text]
    assert not missing, f"docs/architecture.md does not name the contracts {missing}"
