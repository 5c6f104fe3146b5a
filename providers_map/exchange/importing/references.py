"""An object's outgoing references for Wagtail's reference index, for many objects: what
`ReferenceIndex._extract_references_from_object` yields, with the per-model work done once.

Wagtail inspects every field of every object (and of its children) to find the foreign keys to index; for the
thousands of organisations, locations and services of an import that is seconds. Here each model's indexed
foreign keys and child relations are listed once; an object then only reads those attributes. Models with
generic foreign keys or fields that extract references from their content (StreamField, rich text) are left
to Wagtail's own extraction.
"""

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRel

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.models import ReferenceIndex

_plans = {}


def references(obj):
    """{(to content type id, to object id, model path, content path)} of `obj`, as Wagtail extracts them."""
    return set(_references(obj))


def _references(obj):
    plan = _plans.get(type(obj))
    if plan is None:
        plan = _plans[type(obj)] = _plan(type(obj))
    if plan is None:
        yield from ReferenceIndex._extract_references_from_object(obj)
        return
    keys, children = plan
    for attname, content_type_id, name in keys:
        value = getattr(obj, attname)
        if value is not None:
            yield content_type_id, str(value), name, name
    for relation_name in children:
        for child in getattr(obj, relation_name).all():
            prefix = f"{relation_name}.{child.pk}."
            for content_type_id, object_id, model_path, content_path in _references(child):
                yield content_type_id, object_id, f"{relation_name}.item.{model_path}", prefix + content_path


def _plan(model):
    """([(attname, content type id, field name)], [child relation names]), or None for Wagtail's extraction."""
    keys = []
    for field in model._meta.get_fields():
        if isinstance(field, GenericForeignKey) or hasattr(field, "extract_references"):
            return None
        if not (field.is_relation and field.many_to_one):
            continue
        if getattr(field, "wagtail_reference_index_ignore", False):
            continue
        if getattr(field.related_model, "wagtail_reference_index_ignore", False):
            continue
        if isinstance(field, (ParentalKey, GenericRel)):
            continue
        content_type = ReferenceIndex._get_base_content_type(field.related_model)
        keys.append((field.attname, content_type.id, field.name))
    children = []
    if issubclass(model, ClusterableModel):
        children = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    return keys, children
