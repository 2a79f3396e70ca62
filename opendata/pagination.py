"""Pages of records, strictly: `page` and `page_size` must be whole numbers in range.

DRF answers a page past the end with a 404 and quietly caps or ignores a bad page_size; a
program paging through the register would then stop early or read pages of a size it did
not ask for. Here both are a 400 saying what is allowed.
"""

from django.core.paginator import InvalidPage
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from . import licence

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
PAGINATION_PARAMS = ("page", "page_size")


def _whole_number(request, name, default, maximum=None):
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise ValidationError({name: [_("Give a whole number from 1.")]})
    number = int(raw)
    if maximum is not None and number > maximum:
        raise ValidationError({name: [_("At most %(maximum)d.") % {"maximum": maximum}]})
    return number


class StrictPageNumberPagination(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    query_params = PAGINATION_PARAMS  # what the strict FilterSets accept besides their own

    def get_page_size(self, request):
        return _whole_number(request, self.page_size_query_param, self.page_size, self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        page_size = self.get_page_size(request)
        number = _whole_number(request, self.page_query_param, 1)
        paginator = self.django_paginator_class(queryset, page_size)
        try:
            self.page = paginator.page(number)
        except InvalidPage:
            raise ValidationError(
                {
                    self.page_query_param: [
                        _("Page %(page)d is past the last page (%(last)d).")
                        % {"page": number, "last": paginator.num_pages}
                    ]
                }
            ) from None
        self.request = request
        return list(self.page)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "page": self.page.number,
                "pages": self.page.paginator.num_pages,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "license": licence.metadata(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "page", "pages", "next", "previous", "license", "results"],
            "properties": {
                "count": {"type": "integer", "example": 123},
                "page": {"type": "integer", "example": 1},
                "pages": {"type": "integer", "example": 3},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "license": LICENSE_SCHEMA,
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "Page number, from 1; a page past the last one is a 400.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Records per page, 1 to {MAX_PAGE_SIZE} (default {DEFAULT_PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
            },
        ]


LICENSE_SCHEMA = {
    "type": "object",
    "required": ["name", "url", "attribution", "source"],
    "properties": {
        "name": {"type": "string", "example": licence.NAME},
        "url": {"type": "string", "format": "uri"},
        "attribution": {
            "type": "object",
            "properties": {"vi": {"type": "string"}, "en": {"type": "string"}},
        },
        "source": {"type": "string", "format": "uri"},
    },
}
