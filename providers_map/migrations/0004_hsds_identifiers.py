# Permanent open-data (HSDS) identifiers for organisations, locations and services.
#
# Three steps so existing rows get distinct values: add the column without a default, fill every row (and the
# same values into the stored revisions, so publishing an older revision keeps the identifiers), then make it
# unique with its uuid4 default.

import uuid

from django.db import migrations, models

MODELS = ("organisation", "location", "service")
HELP = {
    "organisation": "The permanent identifier of the entry in open data (HSDS); it never changes.",
    "location": "The permanent identifier in open data (HSDS); it never changes.",
    "service": "The permanent identifier in open data (HSDS); it never changes.",
}


def fill_identifiers(apps, schema_editor):
    known = {}
    for name in MODELS:
        model = apps.get_model("providers_map", name)
        rows = list(model.objects.only("pk"))
        for row in rows:
            row.uuid = uuid.uuid4()
            known[(name, row.pk)] = str(row.uuid)
        model.objects.bulk_update(rows, ["uuid"], batch_size=1000)
    copy_into_revisions(apps, known)


def copy_into_revisions(apps, known):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="providers_map", model="organisation").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(base_content_type=content_type).iterator(chunk_size=500):
        content = revision.content or {}
        changed = _stamp(content, "organisation", known)
        for relation, name in (("locations", "location"), ("services", "service")):
            for child in content.get(relation) or []:
                changed = _stamp(child, name, known) or changed
        if changed:
            revision.content = content
            revision.save(update_fields=["content"])


def _stamp(data, name, known):
    value = known.get((name, data.get("pk")))
    if value is None or data.get("uuid") == value:
        return False
    data["uuid"] = value
    return True


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0001_initial"),
        ("providers_map", "0003_error_report_message_limit"),
    ]

    operations = [
        *[migrations.AddField(model_name=name, name="uuid", field=models.UUIDField(null=True)) for name in MODELS],
        migrations.RunPython(fill_identifiers, migrations.RunPython.noop),
        *[
            migrations.AlterField(
                model_name=name,
                name="uuid",
                field=models.UUIDField(
                    default=uuid.uuid4,
                    editable=False,
                    help_text=HELP[name],
                    unique=True,
                    verbose_name="open-data identifier",
                ),
            )
            for name in MODELS
        ],
    ]
