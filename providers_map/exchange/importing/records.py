"""Plain values the import compares: a service's specification and the identity of a location.

The same shapes come from a file (cleaning) and from the registry (snapshot), so comparing them is `==`.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from search.text import fold


@dataclass(frozen=True)
class ServiceSpec:
    service_type_id: int | None
    age_min: int
    age_max: int
    concerns: tuple  # sorted primary keys
    languages: tuple  # sorted primary keys
    description: str | None = None  # None: the file does not say (the older, shared layout)
    uuid: str | None = field(default=None, compare=False)  # the HSDS id a package gives

    def same_as(self, other):
        """Equal, ignoring a description the file does not give."""
        if self.description is None or other.description is None:
            return self.core == other.core
        return self == other

    @property
    def core(self):
        return (self.service_type_id, self.age_min, self.age_max, self.concerns, self.languages)


@lru_cache(maxsize=65536)
def _key_part(text):
    text = fold(str(text or ""))  # case, ё→е, dashes
    return re.sub(r"[\s.,]+", " ", text).strip()


def location_key(locality, address, name=""):
    """How a location is recognised: locality, address and branch name, ignoring case, ё and punctuation."""
    return (_key_part(locality), _key_part(address), _key_part(name))
