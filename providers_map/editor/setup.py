"""Editorial set-up of the registry, shared by migration 0002, the demo and tests.

- Organisations go through Wagtail's default "Moderators approval" workflow (assigned to the content type).
- Moderators may open, publish and lock organisations, so they can act on that workflow.
- The "Операторы реестра" group may edit the registry and the error-report queue, and nothing else.

`get_model(app_label, model_name)` is a migration's `apps.get_model` or `django.apps.apps.get_model`, so the
same code runs in the migration and later (tests that flush the database call it again, like the seeded
taxonomies). Wagtail creates publish/lock permissions only after migrations; we get_or_create the ones we
assign, so the groups are complete right after `migrate`.
"""

OPERATORS_GROUP = "Операторы реестра"
MODERATORS_GROUP = "Moderators"
WORKFLOW_NAME = "Moderators approval"

ORGANISATION_ACTIONS = ("add", "change", "view", "publish", "lock", "unlock")
ERROR_REPORT_ACTIONS = ("change", "view")
MODERATOR_ORGANISATION_ACTIONS = ("change", "view", "publish", "lock", "unlock")


def set_up_registry_editing(get_model):
    ContentType = get_model("contenttypes", "ContentType")
    Group = get_model("auth", "Group")
    Permission = get_model("auth", "Permission")
    WorkflowContentType = get_model("wagtailcore", "WorkflowContentType")

    def permission(model, action, verbose):
        content_type, _ = ContentType.objects.get_or_create(app_label="providers_map", model=model)
        return Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {verbose}"}
        )[0]

    organisation_type, _ = ContentType.objects.get_or_create(app_label="providers_map", model="organisation")
    if not WorkflowContentType.objects.filter(content_type=organisation_type).exists():
        WorkflowContentType.objects.create(content_type=organisation_type, workflow=_default_workflow(get_model))

    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    operators, _ = Group.objects.get_or_create(name=OPERATORS_GROUP)
    operators.permissions.set(
        [access_admin]
        + [permission("organisation", a, "organisation") for a in ORGANISATION_ACTIONS]
        + [permission("errorreport", a, "error report") for a in ERROR_REPORT_ACTIONS]
    )

    moderators = Group.objects.filter(name=MODERATORS_GROUP).first()
    if moderators is not None:
        moderators.permissions.add(
            *[permission("organisation", a, "organisation") for a in MODERATOR_ORGANISATION_ACTIONS]
        )


def _default_workflow(get_model):
    Workflow = get_model("wagtailcore", "Workflow")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        return workflow
    # The database has no Wagtail default workflow (never created, deleted, or flushed by a test): recreate it.
    ContentType = get_model("contenttypes", "ContentType")
    Group = get_model("auth", "Group")
    GroupApprovalTask = get_model("wagtailcore", "GroupApprovalTask")
    WorkflowTask = get_model("wagtailcore", "WorkflowTask")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME, content_type=task_type, active=True)
    task.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow
