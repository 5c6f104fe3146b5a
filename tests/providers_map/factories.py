"""Small factories for registry tests (tests of other apps may import them).

`OrganisationFactory()` makes a published (live) organisation with a valid, unique ИНН;
`LocationFactory(organisation=org)` a branch in Novosibirsk region with weekday hours;
`ServiceFactory(organisation=org, concerns=["autism"])` a service by taxonomy slug.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

import factory

from core.models import DevelopmentalConcern, Language, Region, ServiceType
from providers_map.models import ErrorReport, Location, Organisation, Service

INN_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
WEEKDAYS_9_TO_18 = {
    **{day: [["09:00", "18:00"]] for day in ("mon", "tue", "wed", "thu", "fri")},
    "sat": [],
    "sun": [],
}


def valid_inn(number):
    """A 10-digit organisation ИНН with a correct check digit, unique per `number`."""
    body = f"54{number:07d}"
    check = sum(int(digit) * weight for digit, weight in zip(body, INN_WEIGHTS, strict=True)) % 11 % 10
    return f"{body}{check}"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Центр ранней помощи «Росток-{n}»")
    short_name = ""
    ownership = Organisation.Ownership.STATE
    sector = Organisation.Sector.SOCIAL
    inn = factory.Sequence(lambda n: valid_inn(n + 1))
    ogrn = ""
    website = "https://rostok.example.org/"
    email = "info@rostok.example.org"
    phones = "+73832223344"
    description = "Помогаем семьям с малышами до трёх лет: занятия, консультации, поддержка родителей."
    how_to_get_help = "Позвоните нам и запишитесь на первую встречу. Возьмите с собой документы ребёнка."
    referral_required = Organisation.Referral.NO
    documents = "Свидетельство о рождении ребёнка\nПаспорт родителя"
    cost = Organisation.Cost.FREE
    in_official_registry = True
    verified_at = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=30))
    data_source = "оператор реестра"
    status = Organisation.Status.ACTIVE
    live = True


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organisation = factory.SubFactory(OrganisationFactory)
    name = ""
    address = factory.Sequence(lambda n: f"ул. Ленина, д. {n + 1}")
    region = factory.LazyFunction(lambda: Region.objects.get(code="54"))
    locality = "Новосибирск"
    postcode = "630099"
    latitude = Decimal("55.030204")
    longitude = Decimal("82.920430")
    coordinates_source = Location.CoordinatesSource.EDITOR
    coordinates_approximate = False
    opening_hours = factory.LazyFunction(lambda: {day: list(v) for day, v in WEEKDAYS_9_TO_18.items()})
    accessibility = factory.LazyFunction(lambda: ["step_free", "lift"])
    delivery_modes = factory.LazyFunction(lambda: ["centre", "home"])


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    service_type = factory.LazyFunction(lambda: ServiceType.objects.get(slug="iprp"))
    description = ""
    age_min_months = 0
    age_max_months = 36

    @factory.post_generation
    def concerns(self, create, extracted, **kwargs):
        """concerns=["autism", ...] (slugs); default: none, i.e. any concern."""
        if create and extracted:
            self.concerns.set(DevelopmentalConcern.objects.filter(slug__in=extracted))
            self.concerns.commit()  # ParentalManyToMany changes are deferred until committed

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(Language.objects.filter(slug__in=extracted))
            self.languages.commit()


class ErrorReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ErrorReport

    organisation = factory.SubFactory(OrganisationFactory)
    topic = ErrorReport.Topic.OUTDATED
    message = "Телефон больше не отвечает."
    status = ErrorReport.Status.NEW


def service_type(slug):
    return ServiceType.objects.get(slug=slug)
