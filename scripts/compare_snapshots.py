"""Compare two folders written by scripts/upgrade_snapshot.py; exit 1 when anything differs.

Content types, permissions and groups are compared with the app labels the restructuring renamed mapped
(`portal` → `core`, `providers_import` → `providers_exchange`): the same rows under their new labels.
"""

import difflib
import json
import sys
from pathlib import Path

RELABELLED = {"portal": "core", "providers_import": "providers_exchange"}


def relabel(auth):
    content_types = sorted([RELABELLED.get(app, app), model] for app, model in auth["content_types"])
    groups = {
        name: sorted(f"{RELABELLED.get(p.split('.')[0], p.split('.')[0])}.{p.split('.', 1)[1]}" for p in perms)
        for name, perms in auth["groups"].items()
    }
    return {"content_types": content_types, "groups": groups}


def show_difference(name, before, after):
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), "before", "after", n=1, lineterm="")
    print(f"  DIFFERS: {name}")
    for line in list(lines)[:12]:
        print(f"    {line[:160]}")


def main(before_dir, after_dir):
    differences = 0
    for before in sorted(before_dir.iterdir()):
        after = after_dir / before.name
        if before.name == "answers.json":
            old, new = json.loads(before.read_text()), json.loads(after.read_text())
            same = [path for path in old if old[path] == new.get(path)]
            print(f"answers: {len(same)} of {len(old)} identical")
            for path in old:
                if old[path] != new.get(path):
                    differences += 1
                    show_difference(path, old[path], new.get(path, ""))
        elif before.name == "auth.json":
            old, new = relabel(json.loads(before.read_text())), json.loads(after.read_text())
            new["content_types"] = sorted(new["content_types"])
            ok = old == new
            differences += not ok
            print(f"content types, permissions and groups: {'identical' if ok else 'DIFFER'} (labels mapped)")
            if not ok:
                show_difference("auth", json.dumps(old, indent=0), json.dumps(new, indent=0))
        else:
            ok = after.exists() and before.read_bytes() == after.read_bytes()
            differences += not ok
            print(f"{before.name}: {'identical' if ok else 'DIFFERS'} ({before.stat().st_size} bytes)")
    print("UPGRADE CHECK:", "everything identical" if not differences else f"{differences} difference(s)")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
