from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from villages.admin_scope import DistrictScopedAdmin, DistrictScopedInline

from .models import Showroom, ShowroomStock


class ShowroomStockInline(DistrictScopedInline, admin.TabularInline):
    # An officer stocks their showrooms with their own districts' products: the product
    # choices (autocomplete included) come from the scoped product admin.
    model = ShowroomStock
    extra = 1
    autocomplete_fields = ["product"]


@admin.register(Showroom)
class ShowroomAdmin(DistrictScopedAdmin, SimpleHistoryAdmin, TranslationAdmin):
    district_lookup = "district"
    list_display = ["name", "kind", "district", "village", "phone", "is_active", "is_demo"]
    list_filter = ["kind", "is_active", "district"]
    search_fields = ["name", "slug", "address", "district__name"]
    list_select_related = ["district", "village"]
    autocomplete_fields = ["district", "village"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["is_demo", "created_at", "updated_at"]
    inlines = [ShowroomStockInline]
