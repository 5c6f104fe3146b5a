"""A revision's content for many objects: what `serializable_data()` (django-modelcluster) returns, made faster.

modelcluster works out, for every object, which fields to serialise, how, and which child relations and
parental many-to-many fields the model has. For the thousands of organisations (with their locations and
services) of an import that is seconds. Here that is worked out once per model, and each value goes through
the same steps as modelcluster's `get_field_value`: the field's `pre_save` where the field has its own,
datetimes to aware UTC, protected types as they are, anything else through the field's `value_to_string`.
Models that define their own `serializable_data` are asked for it as usual.
"""

import datetime

from django.conf import settings
from django.db.models import Field
from django.utils import timezone
from django.utils.encoding import is_protected_type

from modelcluster.models import ClusterableModel, get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import RevisionMixin

STANDARD = (ClusterableModel, RevisionMixin)  # their serializable_data is modelcluster's (RevisionMixin defers)
SIMPLE = (str, int, bool)  # protected (returned as they are) or, for str, unchanged by str()
_plans = {}


def serializable_data(obj):
    """The same value as `obj.serializable_data()` for a ClusterableModel (children included)."""
    plan = _plans.get(type(obj))
    if plan is None:
        plan = _plans[type(obj)] = _Plan(type(obj))
    return plan.data(obj)


def _standard(model):
    """Whether the model's serializable_data is modelcluster's own (nobody overrides it)."""
    for klass in model.__mro__:
        if "serializable_data" in vars(klass):
            if klass is ClusterableModel:
                return True
            if klass not in STANDARD:
                return False
    return False


class _Plan:
    def __init__(self, model):
        self.standard = _standard(model)
        pk_field = model._meta.pk
        while pk_field.remote_field and pk_field.remote_field.parent_link:
            pk_field = pk_field.remote_field.model._meta.pk
        fields = [("pk", pk_field)] + [(field.name, field) for field in model._meta.fields if field.serialize]
        self.fields = [(name, *self.reader(field)) for name, field in fields]
        self.children = [rel.get_accessor_name() for rel in get_all_child_relations(model)]
        self.m2m = [field.name for field in get_all_child_m2m_relations(model) if field.serialize]

    @staticmethod
    def reader(field):
        """(attribute name, field, plain): plain when the value is simply the attribute for the usual values
        (relations; fields whose pre_save is Field's and whose text form is `str(value)`)."""
        if field.remote_field is not None:
            return field.get_attname(), field, True
        plain = type(field).pre_save is Field.pre_save and type(field).value_to_string is Field.value_to_string
        return field.get_attname(), field, plain

    def data(self, obj):
        if not self.standard:
            return obj.serializable_data()
        result = self.fields_of(obj)
        for name in self.children:
            result[name] = [serializable_data_of_child(child) for child in getattr(obj, name).all()]
        for name in self.m2m:
            result[name] = [child.pk for child in getattr(obj, name).all()]
        return result

    def fields_of(self, obj):
        result = {}
        for name, attname, field, plain in self.fields:
            if plain:
                value = getattr(obj, attname)
                if field.remote_field is not None or value is None or value.__class__ in SIMPLE:
                    result[name] = value  # what get_field_value returns for these
                    continue
            result[name] = _field_value(field, obj)
        return result


def serializable_data_of_child(child):
    """As modelcluster serialises a child: its own serializable_data when it has one, else its fields."""
    plan = _plans.get(type(child))
    if plan is None:
        plan = _plans[type(child)] = _Plan(type(child))
    if hasattr(child, "serializable_data"):
        return plan.data(child)
    return plan.fields_of(child)


def _field_value(field, obj):
    """modelcluster.models.get_field_value for a field without a remote relation."""
    value = field.pre_save(obj, add=obj.pk is None)
    if isinstance(value, datetime.datetime) and settings.USE_TZ:
        if timezone.is_naive(value):
            value = timezone.make_aware(value, timezone.get_default_timezone()).astimezone(datetime.UTC)
        else:
            value = timezone.localtime(value, datetime.UTC)
    if is_protected_type(value):
        return value
    return field.value_to_string(obj)
