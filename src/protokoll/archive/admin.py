"""Django admin for the archive: browsing and correcting stored rows (visibility, published).

The admin is held to the same separation between nämnder as the rest of the site
(``protokoll.accounts.permissions``): staff see published meetings and the unpublished ones of
bodies where they hold a role; a sekretess § of another body is not listed at all. Lists and
the meeting's § table show a withheld §'s number and the marker only; its content is shown on
its own page, and opening that page is a read of sekretess content, logged as ``read_secret``
exactly as the secretary's views log it (``read_secret_item``).
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied

from protokoll.accounts.permissions import read_secret_item, visible_items, visible_meetings
from protokoll.archive import models as m
from protokoll.archive.visibility import SECRET_MARKER, is_withheld, withheld_q


def _shown_title(item: m.Item) -> str:
    return SECRET_MARKER if is_withheld(item) else item.title


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
    fields = ["paragraph", "shown_title", "outcome", "confidential", "visibility"]
    readonly_fields = ["paragraph", "shown_title", "outcome", "confidential"]
    extra = 0
    can_delete = False
    show_change_link = True

    @admin.display(description="rubrik")
    def shown_title(self, obj):
        return _shown_title(obj)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(pk__in=visible_items(request.user).values("pk"))


@admin.register(m.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["body", "date", "kind", "published", "updated_at"]
    list_filter = ["published", "kind", "body__municipality", "body"]
    date_hierarchy = "date"
    inlines = [ItemInline]
    # A select of every Person would list names known only from sekretess §§ or drafts.
    raw_id_fields = ["chair", "secretary"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(pk__in=visible_meetings(request.user).values("pk"))


@admin.register(m.Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["meeting", "paragraph", "shown_title", "outcome", "visibility"]
    list_filter = ["visibility", "outcome", "confidential"]
    search_fields = ["title", "case_number", "decision"]
    raw_id_fields = ["meeting", "case"]

    @admin.display(description="rubrik")
    def shown_title(self, obj):
        return _shown_title(obj)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(pk__in=visible_items(request.user).values("pk"))

    def get_search_results(self, request, queryset, search_term):
        # Searching the text of withheld §§ would reveal it through which rows match.
        rows, duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            rows = rows.exclude(withheld_q())
        return rows, duplicates

    def get_object(self, request, object_id, from_field=None):
        item = super().get_object(request, object_id, from_field)
        if item is not None and is_withheld(item):
            try:
                read_secret_item(request.user, item, request=request)
            except PermissionDenied:
                return None
        return item
