"""Pages shaped like the generated app's: items, total, page, page_size."""

from typing import Any

from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response


class ItemsPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_paginated_response(self, data: Any) -> Response:
        assert self.page is not None
        return Response(
            {
                "items": data,
                "total": self.page.paginator.count,
                "page": self.page.number,
                "page_size": self.page.paginator.per_page,
            }
        )
