"""Editorial set-up: the moderation workflow for checklists and warning signs, editors' and moderators' rights.

The logic lives in selfcheck.editing (also run by the demo after a test flushed the tables).
"""

from django.db import migrations

from selfcheck.editing import set_up_editing


def set_up(apps, schema_editor):
    set_up_editing(apps.get_model)


def tear_down(apps, schema_editor):
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(content_type__app_label="selfcheck").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("selfcheck", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(set_up, tear_down)]
