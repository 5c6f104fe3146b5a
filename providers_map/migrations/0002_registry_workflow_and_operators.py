"""Editorial set-up of the registry.

- Organisations go through Wagtail's default "Moderators approval" workflow (assigned to the content type).
- Moderators may open, publish and lock organisations, so they can act on that workflow.
- A "Операторы реестра" group may edit the registry and the error-report queue, and nothing else.

Permissions for publish/lock are normally created by Wagtail after migrations; we create the ones we
assign here (get_or_create), so the groups are complete right after `migrate`.
"""

from django.db import migrations

OPERATORS_GROUP = "Операторы реестра"
MODERATORS_GROUP = "Moderators"
WORKFLOW_NAME = "Moderators approval"

ORGANISATION_ACTIONS = ("add", "change", "view", "publish", "lock", "unlock")
ERROR_REPORT_ACTIONS = ("change", "view")
MODERATOR_ORGANISATION_ACTIONS = ("change", "view", "publish", "lock", "unlock")


def _permission(apps, model, action, verbose):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="providers_map", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {verbose}"},
    )
    return permission


def _default_workflow(apps):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        return workflow
    # The database was set up without Wagtail's default workflow (or it was deleted): recreate it.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME, content_type=task_type, active=True)
    task.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def set_up(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    organisation_type, _ = ContentType.objects.get_or_create(app_label="providers_map", model="organisation")
    WorkflowContentType.objects.update_or_create(
        content_type=organisation_type, defaults={"workflow": _default_workflow(apps)}
    )

    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    operators, _ = Group.objects.get_or_create(name=OPERATORS_GROUP)
    operators.permissions.set(
        [access_admin]
        + [_permission(apps, "organisation", a, "organisation") for a in ORGANISATION_ACTIONS]
        + [_permission(apps, "errorreport", a, "error report") for a in ERROR_REPORT_ACTIONS]
    )

    moderators = Group.objects.filter(name=MODERATORS_GROUP).first()
    if moderators is not None:
        moderators.permissions.add(
            *[_permission(apps, "organisation", a, "organisation") for a in MODERATOR_ORGANISATION_ACTIONS]
        )


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
