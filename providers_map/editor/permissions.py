"""Error reports come only from the public form: nobody adds them in the admin, not even superusers."""

from wagtail.permission_policies import ModelPermissionPolicy


class ErrorReportPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "add"])
