"""Editorial set-up of the self-check, shared by migration 0002, the demo and tests after a flush.

- Checklists and the warning signs go through the "Moderators approval" workflow (health content: a second
  pair of eyes before parents see a change), assigned to their content types when that workflow exists.
- Wagtail's "Editors" may draft and submit them; "Moderators" may also publish, lock and unlock.

`get_model(app_label, model_name)` is a migration's `apps.get_model` or `django.apps.apps.get_model`.
"""

MODELS = {"milestonechecklist": "milestone checklist", "warningsignlist": "warning signs"}
EDITOR_ACTIONS = ("add", "change", "view")
MODERATOR_ACTIONS = (*EDITOR_ACTIONS, "delete", "publish", "lock", "unlock")
WORKFLOW_NAME = "Moderators approval"


def set_up_editing(get_model):
    ContentType = get_model("contenttypes", "ContentType")
    Group = get_model("auth", "Group")
    Permission = get_model("auth", "Permission")
    Workflow = get_model("wagtailcore", "Workflow")
    WorkflowContentType = get_model("wagtailcore", "WorkflowContentType")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    permissions = {}
    for model, verbose in MODELS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="selfcheck", model=model)
        if workflow and not WorkflowContentType.objects.filter(content_type=content_type).exists():
            WorkflowContentType.objects.create(content_type=content_type, workflow=workflow)
        for action in MODERATOR_ACTIONS:
            permissions[model, action] = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {verbose}"}
            )[0]
    for group_name, actions in (("Editors", EDITOR_ACTIONS), ("Moderators", MODERATOR_ACTIONS)):
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.add(*[permissions[model, action] for model in MODELS for action in actions])
