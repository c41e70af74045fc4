"""Django admin for the archive: browsing and correcting stored rows (visibility, published)."""

from django.contrib import admin

from protokoll.archive import models as m


@admin.register(m.Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(m.Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "kind", "slug"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name"]


@admin.register(m.Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name"]


@admin.register(m.Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "body", "group", "party", "role", "substitute_order", "start", "end"]
    list_filter = ["body", "group"]
    autocomplete_fields = ["person"]


@admin.register(m.Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["key", "title", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["key", "title"]


class ItemInline(admin.TabularInline):
    model = m.Item
    fields = ["paragraph", "title", "outcome", "confidential", "visibility"]
    readonly_fields = ["paragraph", "title", "outcome", "confidential"]
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(m.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["body", "date", "kind", "published", "updated_at"]
    list_filter = ["published", "kind", "body__municipality", "body"]
    date_hierarchy = "date"
    inlines = [ItemInline]


@admin.register(m.Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["meeting", "paragraph", "title", "outcome", "visibility"]
    list_filter = ["visibility", "outcome", "confidential"]
    search_fields = ["title", "case_number", "decision"]
    raw_id_fields = ["meeting", "case"]
