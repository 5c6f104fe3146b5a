"""Editors and moderators maintain synonyms and promoted results (the groups Wagtail creates)."""

from django.db import migrations

GROUPS = ("Editors", "Moderators")
MODELS = {"synonymgroup": "synonym group", "promotedresult": "promoted search result"}
ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    permissions = []
    for model, verbose in MODELS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="search", model=model)
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {verbose}"}
            )
            permissions.append(permission)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgres_search_vector"), ("auth", "0012_alter_user_first_name_max_length"), ("contenttypes", "0002_remove_content_type_name")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
