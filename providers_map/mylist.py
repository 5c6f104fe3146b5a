"""«Мой список»: providers a family saves on this device, without an account.

The list is a cookie of organisation ids («12.31.7»), so it works without JavaScript (the «Сохранить»
buttons are small forms) and the server renders each card as saved or not. Nothing personal is stored.
A list is shared as a link with the ids: /providers/my-list/?ids=12.31.7
"""

import re

from core.cookies import delete_cookie, set_cookie

COOKIE = "my_providers"
MAX_ITEMS = 50
MAX_AGE = 365 * 24 * 3600
_IDS = re.compile(rf"^\d{{1,10}}(?:\.\d{{1,10}}){{0,{MAX_ITEMS - 1}}}$")


def parse_ids(text):
    """Ids from «12.31.7» (also commas), in order, without repeats; anything malformed gives []."""
    text = str(text or "").strip().replace(",", ".")
    if not text or not _IDS.match(text):
        return []
    return list(dict.fromkeys(int(part) for part in text.split(".")))[:MAX_ITEMS]


def format_ids(ids):
    return ".".join(str(pk) for pk in ids)


def saved_ids(request):
    return parse_ids(request.COOKIES.get(COOKIE, ""))


def store(response, ids):
    if ids:
        return set_cookie(response, COOKIE, format_ids(ids[:MAX_ITEMS]), max_age=MAX_AGE)
    return delete_cookie(response, COOKIE)


def updated(ids, action, organisation_ids):
    ids = list(ids)
    if action == "add":
        for pk in organisation_ids:
            if pk not in ids:
                ids.append(pk)
    elif action == "remove":
        ids = [pk for pk in ids if pk not in set(organisation_ids)]
    elif action == "clear":
        ids = []
    return ids[:MAX_ITEMS]
