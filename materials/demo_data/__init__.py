"""Demo materials of the methods library, written for the demo from the facts in the seed resolutions.

Split in two modules (practices and programmes; publications and videos) to keep files small.

Each entry: slug, title, type, audiences, topics, ages, concerns, authors, organisation, region code, year,
evidence status, summary, body paragraphs, files [(format, label, paragraphs or rows)], video key.
"""

from materials.demo_data.practices import PRACTICES
from materials.demo_data.publications import PUBLICATIONS

MATERIALS = PRACTICES + PUBLICATIONS

# Spreadsheet attachments: rows of the one sheet, by material slug.
XLSX_ROWS = {
    "home-micro-rehabilitation-centre": [
        ["Оборудование", "Для чего", "Количество в наборе"],
        ["Мат гимнастический складной", "Занятия на полу, перевороты, ползание", 1],
        ["Мяч гимнастический 65 см", "Равновесие и укрепление мышц спины", 1],
        ["Набор сенсорных мячей", "Развитие хвата и ощущений ладони", 6],
        ["Стульчик с опорой для сидения", "Устойчивая поза за столом во время игры и еды", 1],
        ["Набор карточек для общения", "Выбор игрушки или занятия", 40],
    ],
    "equipment-rental-point": [
        ["Организация", "Семей в 2020 году", "Семей в 2021 году", "Семей за три года"],
        ["МКУ Сузунского района «КЦСРН»", 82, 64, 91],
        ["МБУ «КЦСОН «Вера» Искитимского района»", 41, 50, 90],
        ["ГБУ НСО «Центр помощи детям «Рассвет»", 49, 105, 148],
    ],
    "novosibirsk-practices-collection": [
        ["Технология", "2020", "2021", "Итого за три года"],
        ["Реабилитация на дому, детей", 136, 94, 213],
        ["Реабилитационный семейный интенсив, детей", 288, 393, 596],
        ["Пункты проката, семей", 303, 346, 557],
        ["Кратковременное пребывание, детей", 913, 1610, 2000],
        ["Клубы взаимопомощи родителей, семей", 4500, 4100, 5000],
    ],
}
