"""A database migrated while the import was an app of its own knows its models' content types under the
`providers_import` label: give them this app's label, ids kept."""

from django.db import migrations

MODELS = ("importjob", "importedstate")


def relabel(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    taken = set(content_type.objects.filter(app_label="providers_exchange").values_list("model", flat=True))
    content_type.objects.filter(app_label="providers_import", model__in=set(MODELS) - taken).update(
        app_label="providers_exchange"
    )


def back(apps, schema_editor):
    apps.get_model("contenttypes", "ContentType").objects.filter(
        app_label="providers_exchange", model__in=MODELS
    ).update(app_label="providers_import")


class Migration(migrations.Migration):
    dependencies = [("providers_exchange", "0001_initial"), ("contenttypes", "0002_remove_content_type_name")]
    operations = [migrations.RunPython(relabel, back)]
