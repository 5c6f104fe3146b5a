"""The golden set: Russian queries people type, each with the public URLs a good answer has in the top 3.

Covers inflected forms, ё/е both ways, abbreviations and their expansions, typos (a letter wrong, missing,
doubled, swapped), parents' words, specialists' terms, numbers as digits or words, transcript phrases
(the URL carries #t=MM:SS), provider names and localities in another case, and providers a national registry
crowds out (names, a locality with a service, typos, among thousands of synthetic providers with the same
words). Written against the demo content (load_demo); used by tests/search/test_golden.py and
bench/bench_search.py (with 20 000 and 100 000 synthetic providers).
"""

GOLDEN = [
    # parents' words
    ("не говорит в 2 года", ["/parents/signs-2-3-years/", "/parents/signs-1-2-years/"]),
    ("плохо слышит", ["/parents/signs-0-6-months/", "/library/hearing-early-communication/"]),
    ("бесплатно", ["/parents/who-can-get-early-care/"]),
    ("сколько стоит ранняя помощь", ["/parents/who-can-get-early-care/"]),
    ("что такое ранняя помощь", ["/parents/what-is-early-care/"]),
    ("что будет на первом приёме", ["/parents/first-visit/"]),
    ("как выбрать службу", ["/parents/choosing-a-service/"]),
    ("малыш не держит голову", ["/parents/signs-0-6-months/"]),
    ("где взять коляску", ["/parents/assistive-devices/"]),
    ("права родителей ребенка с инвалидностью", ["/parents/family-rights/", "/library/family-rights-memo/"]),
    ("как заниматься с ребенком дома", ["/parents/activities-at-home/"]),
    ("специалисты приходят домой", ["/parents/help-at-home/"]),
    ("клуб для родителей", ["/parents/parent-clubs/", "/library/parent-mutual-help-clubs/"]),
    ("поставили диагноз что делать", ["/parents/if-diagnosis/"]),
    ("передышка для родителей", ["/library/respite-short-stay/"]),
    # abbreviations and their expansions
    ("аутизм", ["/library/autism-early-signs-recommendations/"]),
    ("РАС", ["/library/autism-early-signs-recommendations/"]),
    ("расстройство аутистического спектра", ["/library/autism-early-signs-recommendations/"]),
    ("ДЦП", ["/library/cerebral-palsy-mobility-programme/"]),
    ("детский церебральный паралич", ["/library/cerebral-palsy-mobility-programme/"]),
    ("ИПРП", ["/parents/individual-programme/", "/library/iprp-with-family/"]),
    ("индивидуальная программа ранней помощи", ["/parents/individual-programme/", "/library/iprp-with-family/"]),
    ("ТСР", ["/parents/assistive-devices/", "/library/equipment-rental-point/"]),
    ("КЦСОН Бердск", ["/providers/ktsson-goroda-berdska/"]),
    # inflected forms, ё/е both ways
    ("синдромом Дауна", ["/library/down-syndrome-first-months/"]),
    ("недоношенных детей", ["/library/premature-baby-at-home/"]),
    ("ребенок с нарушением слуха", ["/library/hearing-early-communication/"]),
    ("ребёнку с нарушениями зрения", ["/library/vision-early-care-programme/"]),
    ("вертикализаторы", ["/parents/assistive-devices/"]),
    ("прокатом оборудования", ["/library/equipment-rental-point/"]),
    # typos: wrong, missing, doubled, swapped letters
    ("логапед", ["/library/speech-communication-programme/", "/providers/tsentr-reabilitatsii-olesya/"]),
    ("аутизьм", ["/library/autism-early-signs-recommendations/"]),
    ("вертикализтор", ["/parents/assistive-devices/"]),
    ("синдромм дауна", ["/library/down-syndrome-first-months/"]),
    ("недоношеный малыш", ["/library/premature-baby-at-home/"]),
    ("пердышка", ["/library/respite-short-stay/"]),
    # numbers as digits or words
    ("от шести месяцев до года", ["/parents/signs-6-12-months/"]),
    ("что должен уметь ребенок в три года", ["/parents/signs-2-3-years/"]),
    ("конференция 2021", ["/library/early-care-conference-2021/"]),
    # specialists' terms
    (
        "межведомственное взаимодействие",
        ["/library/interdepartmental-model/", "/library/interdepartmental-plan-review/"],
    ),
    ("стандарт услуг ранней помощи", ["/library/early-care-service-standard/"]),
    ("оценка функционирования", ["/library/functional-assessment-lecture/"]),
    ("альтернативная коммуникация", ["/library/alternative-communication-webinar/"]),
    ("редкие генетические синдромы", ["/library/rare-genetic-syndromes-support/"]),
    ("первые признаки нарушений развития для педиатров", ["/library/early-signs-presentation/"]),
    ("реабилитация на дому", ["/library/home-rehabilitation/"]),
    ("семейный интенсив", ["/library/family-rehabilitation-intensive/"]),
    ("эффективные практики Новосибирской области", ["/library/novosibirsk-practices-collection/"]),
    ("социальное сопровождение Тверская область", ["/library/social-support-tver-presentation/"]),
    # transcript phrases: the moment of the video
    ("яблоко или банан", ["/library/everyday-routines-lecture/#t=00:08", "/parents/activities-at-home/#t=00:08"]),
    ("карточки с картинками", ["/library/alternative-communication-webinar/#t=00:04"]),
    ("родители главные эксперты", ["/library/functional-assessment-lecture/#t=00:12"]),
    # providers: names, localities in another case, place-aware
    ("логопед Бердск", ["/providers/ktsson-goroda-berdska/"]),
    ("Радуга", ["/providers/tsentr-raduga/"]),
    ("центр Морской залив", ["/providers/tsentr-morskoy-zaliv/"]),
    ("фонд Солнце в ладошках", ["/providers/fond-solntse-v-ladoshkakh/"]),
    ("психоневрологический диспансер", ["/providers/detskiy-psikhonevrologicheskiy-dispanser/"]),
    ("ранняя помощь в Искитиме", ["/providers/ktsson-vera-iskitimskogo-rayona/"]),
    ("Линёво", ["/providers/ktsson-vera-iskitimskogo-rayona/"]),
    ("линево", ["/providers/ktsson-vera-iskitimskogo-rayona/"]),
    ("служба в Карасуке", ["/providers/ktsson-karasukskogo-rayona/"]),
    ("Тогучина", ["/providers/ktsson-toguchinskogo-rayona/"]),
    # providers a national registry crowds (bench/bench_search.py: thousands of synthetic providers share these
    # words, towns and name patterns): names, a locality with a service, typos in both
    ("центр Семья", ["/providers/tsentr-semya/"]),
    ("центр Рассвет", ["/providers/tsentr-rassvet/"]),
    ("Ассоциация Интеграция", ["/providers/assotsiatsiya-integratsiya/"]),
    ("агентство культурно-социальной работы", ["/providers/agentstvo-kulturno-sotsialnoy-raboty/"]),
    ("центр помощи семье Заря", ["/providers/tsentr-pomoshchi-seme-zarya/"]),
    ("реабилитационный центр Олеся", ["/providers/tsentr-reabilitatsii-olesya/"]),
    ("КЦСОН Черепановского района", ["/providers/ktsson-cherepanovskogo-rayona/"]),
    ("КЦСР Сузунского района", ["/providers/ktssr-suzunskogo-rayona/"]),
    ("ранняя помощь Черепаново", ["/providers/ktsson-cherepanovskogo-rayona/"]),
    ("служба ранней помощи в Куйбышеве", ["/providers/ktsson-kuybyshevskogo-rayona/"]),
    ("КЦСОН Центрального округа Новосибирска", ["/providers/ktsson-tsentralnogo-okruga-novosibirska/"]),
    ("прокат оборудования в Искитиме", ["/providers/ktsson-vera-iskitimskogo-rayona/"]),
    ("центр Морской залиф", ["/providers/tsentr-morskoy-zaliv/"]),
    ("Сузун", ["/providers/ktssr-suzunskogo-rayona/"]),
    ("Интиграция", ["/providers/assotsiatsiya-integratsiya/"]),
    ("центр Расвет", ["/providers/tsentr-rassvet/"]),
    ("Черепоново", ["/providers/ktsson-cherepanovskogo-rayona/"]),
    ("психоневрологический дисспансер", ["/providers/detskiy-psikhonevrologicheskiy-dispanser/"]),
    # the portal itself
    ("версия для слабовидящих", ["/accessibility/"]),
    ("персональные данные", ["/privacy/"]),
]


def top3_hit(urls, expected):
    """True when one of the first three result URLs is an expected one (a #t= fragment must match too)."""
    for url in urls[:3]:
        for wanted in expected:
            if url == wanted or ("#" not in wanted and url.split("#")[0] == wanted):
                return True
    return False


def evaluate(search, queries=GOLDEN):
    """(share of queries answered in the top 3, [(query, expected, got)] of the misses); search(q) -> [url]."""
    misses = []
    for query, expected in queries:
        urls = search(query)
        if not top3_hit(urls, expected):
            misses.append((query, expected, urls[:3]))
    return 1 - len(misses) / len(queries), misses
