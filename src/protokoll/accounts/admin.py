"""Granting roles in the Django admin (administrators); every change is logged."""

from django.contrib import admin

from protokoll.accounts.models import BodyRole
from protokoll.accounts.roles import Role
from protokoll.audit import record
from protokoll.audit.actions import Action


@admin.register(BodyRole)
class BodyRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "body", "role", "start", "end"]
    list_filter = ["role", "body"]
    search_fields = ["user__username", "body__name"]
    raw_id_fields = ["user", "body", "person"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        verb = "ändrad" if change else "tilldelad"
        record(
            Action.ROLE_CHANGE,
            actor=request.user,
            body=obj.body,
            obj=obj,
            summary=f"Roll {verb}: {obj.user.get_username()} – {Role(obj.role).label}",
            details={"start": obj.start, "end": obj.end},
            request=request,
        )

    def delete_model(self, request, obj):
        record(
            Action.ROLE_CHANGE,
            actor=request.user,
            body=obj.body,
            obj=obj,
            summary=f"Roll borttagen: {obj.user.get_username()} – {Role(obj.role).label}",
            request=request,
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
