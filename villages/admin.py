from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from .admin_scope import DistrictScopedAdmin, DistrictScopedInline
from .admin_search import FoldedSearchAdmin
from .models import Commune, Craft, District, Province, Village, VillageImage
from .scoping import is_city_admin


@admin.register(Province)
class ProvinceAdmin(FoldedSearchAdmin, admin.ModelAdmin):
    list_display = ["name", "code", "slug"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(District)
class DistrictAdmin(FoldedSearchAdmin, DistrictScopedAdmin):
    """Officers may look their districts up (autocomplete needs it); only city
    administrators add districts or assign officers to them."""

    list_display = ["name", "code", "kind", "province", "village_count"]
    list_filter = ["kind", "province"]
    search_fields = ["name", "code", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["officers"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("province")
            .annotate(village_total=Count("villages"))
            .order_by("name")
        )

    def get_exclude(self, request, obj=None):
        return None if is_city_admin(request.user) else ["officers"]

    def has_add_permission(self, request):
        return is_city_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return is_city_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_city_admin(request.user)

    @admin.display(description=_("villages"), ordering="village_total")
    def village_count(self, district):
        return district.village_total


@admin.register(Commune)
class CommuneAdmin(FoldedSearchAdmin, admin.ModelAdmin):
    """Hanoi's communes and wards since July 2025: reference data from a migration.
    Everyone with the admin looks them up (autocomplete); only city administrators edit
    them (a rename is rewritten into the product search text and every page)."""

    list_display = ["name", "code", "kind", "province"]
    list_filter = ["kind", "province"]
    search_fields = ["name", "code", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["province"]

    def has_add_permission(self, request):
        return is_city_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return is_city_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_city_admin(request.user)


@admin.register(Craft)
class CraftAdmin(FoldedSearchAdmin, TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_vi", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_vi"]}


class VillageImageInline(DistrictScopedInline, TranslationTabularInline):
    model = VillageImage
    extra = 1
    fields = ["image", "alt_text", "position"]


@admin.register(Village)
class VillageAdmin(FoldedSearchAdmin, DistrictScopedAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["name", "district", "commune", "is_recognised", "recognised_year", "is_demo"]
    list_filter = ["is_recognised", "district", ("commune", admin.RelatedOnlyFieldListFilter), "crafts"]
    search_fields = ["name", "slug", "commune__name", "commune_note", "district__name"]
    list_select_related = ["district", "commune"]
    autocomplete_fields = ["district", "commune"]
    filter_horizontal = ["crafts"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["is_demo", "created_at", "updated_at"]
    inlines = [VillageImageInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "district", "commune", "commune_note", "crafts"]}),
        (_("Recognition"), {"fields": ["is_recognised", "recognised_year"]}),
        (_("Story and visiting"), {"fields": ["description", "opening_times", "opening_hours_osm", "directions"]}),
        (_("Location"), {"fields": ["latitude", "longitude"]}),
        (_("Record"), {"fields": ["is_demo", "created_at", "updated_at"]}),
    ]
