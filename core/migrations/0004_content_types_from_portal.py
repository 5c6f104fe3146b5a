"""A database migrated while the core lived in the `portal` package knows its models' content types (which
permissions, revisions and log entries point to) under the `portal` label: give them the `core` label, ids kept."""

from django.db import migrations

MODELS = ("topic", "agegroup", "developmentalconcern", "servicetype", "language", "region", "portalsettings")


def relabel(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    taken = set(content_type.objects.filter(app_label="core").values_list("model", flat=True))
    content_type.objects.filter(app_label="portal", model__in=set(MODELS) - taken).update(app_label="core")


def back(apps, schema_editor):
    apps.get_model("contenttypes", "ContentType").objects.filter(app_label="core", model__in=MODELS).update(
        app_label="portal"
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0003_footer_links"), ("contenttypes", "0002_remove_content_type_name")]
    operations = [migrations.RunPython(relabel, back)]
