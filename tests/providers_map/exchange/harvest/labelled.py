"""A labelled set for de-duplication: the same organisations published by two sources (typos, other address
spellings, missing identifiers, shifted points), and different organisations that look alike (numbered twins,
neighbours in one building, namesakes in another town)."""

import random

from providers_map.demo_synthetic import synthetic_inn, synthetic_ogrn
from providers_map.exchange.harvest.records import Identity

NAMES = [
    "Центр ранней помощи «{w}»", "Государственное бюджетное учреждение «Реабилитационный центр „{w}“»",
    "АНО «Служба ранней помощи „{w}“»", "Муниципальное автономное учреждение «Центр развития „{w}“»",
    "Благотворительный фонд «{w}»", "Психолого-педагогический центр «{w}»",
]  # fmt: skip
WORDS = "Росток Радуга Солнышко Истоки Надежда Ладушки Колокольчик Родничок Теремок Доверие Светлячок Мозаика".split()
WORDS += "Ступеньки Кораблик Журавлик Лучик Парус Берёзка".split()
STREETS = [("ул.", "улица", "Ленина"), ("пр-т", "проспект", "Мира"), ("ул.", "улица", "Садовая"),
           ("пер.", "переулок", "Школьный"), ("ул.", "улица", "Гагарина")]  # fmt: skip
TOWNS = [("Кемерово", 55.35, 86.08), ("Новокузнецк", 53.75, 87.13), ("Белово", 54.42, 86.30)]
LONG_FORMS = {"ГБУ": "Государственное бюджетное учреждение", "АНО": "Автономная некоммерческая организация"}


def typo(rng, text):
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    i = rng.choice(letters[2:-2])
    kind = rng.choice(["drop", "swap", "double"])
    if kind == "drop":
        return text[:i] + text[i + 1 :]
    if kind == "swap":
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text[:i] + text[i] + text[i:]


def labelled_set(count=150, seed=7):
    """(source A identities, source B identities, true pairs {(a key, b key)})."""
    rng = random.Random(seed)
    a, b, truth = [], [], set()
    for n in range(1, count + 1):
        word = WORDS[n % len(WORDS)] + ("" if n <= len(WORDS) else f"-{n}")
        name = NAMES[n % len(NAMES)].format(w=word)
        short, long_, street = STREETS[n % len(STREETS)]
        town, lat, lon = TOWNS[n % len(TOWNS)]
        house = rng.randint(1, 120)
        point = (lat + rng.uniform(-0.05, 0.05), lon + rng.uniform(-0.05, 0.05))
        address = f"{short} {street}, д. {house}"
        first = Identity(key=f"A:{n}", name=name, inn=synthetic_inn("42", n), ogrn=synthetic_ogrn("42", n),
                         address=address, locality=town, lat=point[0], lon=point[1])  # fmt: skip
        a.append(first)
        variant = rng.random()
        if variant < 0.35:  # the other source writes it differently
            other_name = typo(rng, name)
        elif variant < 0.55:
            other_name = name.replace("«", '"').replace("»", '"').replace("„", '"').replace("“", '"').upper()
        else:
            other_name = name
        other_address = rng.choice([f"{long_} {street}, {house}", f"{street} {short}, дом {house}",
                                    f"{short}{street}, д.{house}"])  # fmt: skip
        jitter = (point[0] + rng.uniform(-0.0003, 0.0003), point[1] + rng.uniform(-0.0003, 0.0003))
        keep = rng.random()
        second = Identity(
            key=f"B:{n}",
            name=other_name,
            inn=first.inn if keep < 0.3 else "",
            ogrn=first.ogrn if 0.3 <= keep < 0.5 else "",
            address=other_address,
            locality=town,
            lat=None if rng.random() < 0.15 else jitter[0],
            lon=None if rng.random() < 0.15 else jitter[1],
        )
        if second.lat is None or second.lon is None:
            second.lat = second.lon = None
        b.append(second)
        truth.add((first.key, second.key))
    # Look-alikes that are other organisations (only in B): numbered twins, a neighbour in the same building,
    # a namesake in another town, the same name with a different ИНН.
    for n in range(1, count // 3 + 1):
        first = a[n - 1]
        twin = Identity(key=f"B:twin-{n}", name=f"Детская поликлиника № {n + 1}", address=first.address,
                        locality=first.locality, lat=first.lat, lon=first.lon)  # fmt: skip
        a.append(Identity(key=f"A:twin-{n}", name=f"Детская поликлиника № {n}", address=first.address,
                          locality=first.locality, lat=first.lat, lon=first.lon))  # fmt: skip
        neighbour = Identity(key=f"B:neighbour-{n}", name=f"Детская школа искусств «{WORDS[(n + 5) % len(WORDS)]}»",
                             address=first.address, locality=first.locality, lat=first.lat, lon=first.lon)  # fmt: skip
        other_town = TOWNS[(TOWNS.index(next(t for t in TOWNS if t[0] == first.locality)) + 1) % len(TOWNS)]
        namesake = Identity(key=f"B:namesake-{n}", name=first.name, address=first.address, locality=other_town[0],
                            lat=other_town[1], lon=other_town[2])  # fmt: skip
        other_inn = Identity(key=f"B:other-inn-{n}", name=first.name, inn=synthetic_inn("43", n),
                             address=first.address, locality=first.locality)  # fmt: skip
        b += [twin, neighbour, namesake, other_inn]
    return a, b, truth
