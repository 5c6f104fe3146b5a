"""Editorial set-up of the registry: moderation workflow for organisations, the registry operators' group.

The logic lives in providers_map.editor.setup (also run by the demo and by tests after a flush).
"""

from django.db import migrations

from providers_map.editor.setup import OPERATORS_GROUP, set_up_registry_editing


def set_up(apps, schema_editor):
    set_up_registry_editing(apps.get_model)


def tear_down(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    Group.objects.filter(name=OPERATORS_GROUP).delete()
    WorkflowContentType.objects.filter(
        content_type__app_label="providers_map", content_type__model="organisation"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("providers_map", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Those migrations give every admin-access group "choose" permissions; the operators' group must
        # be created after them so that it gets nothing beyond the registry.
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(set_up, tear_down)]
