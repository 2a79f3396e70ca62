from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from villages.admin_scope import DistrictScopedAdmin, DistrictScopedInline, OtherDistrictsRowsInline
from villages.admin_search import FoldedSearchAdmin

from .models import Showroom, ShowroomStock


class ShowroomStockInline(DistrictScopedInline, admin.TabularInline):
    # An officer stocks their showrooms with their own districts' products: the product
    # choices (autocomplete included) come from the scoped product admin, and the rows
    # offered for editing are those of their products (a stock row's district is its
    # product's: ShowroomStock.district_path). Rows of other districts' products are in
    # the inline below.
    model = ShowroomStock
    extra = 1
    autocomplete_fields = ["product"]


class OtherDistrictsStockInline(OtherDistrictsRowsInline):
    model = ShowroomStock
    fields = ["product", "added_at"]
    readonly_fields = fields
    verbose_name = _("product from another district")
    verbose_name_plural = _("products from other districts (read-only)")


@admin.register(Showroom)
class ShowroomAdmin(FoldedSearchAdmin, DistrictScopedAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["name", "kind", "district", "village", "phone", "is_active", "is_demo"]
    list_filter = ["kind", "is_active", "district", ("commune", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "slug", "address", "district__name", "commune__name"]
    list_select_related = ["district", "village"]
    autocomplete_fields = ["district", "village", "commune"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["is_demo", "created_at", "updated_at"]
    inlines = [ShowroomStockInline, OtherDistrictsStockInline]
