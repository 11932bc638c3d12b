"""django-ninja's page-number pagination, in the two shapes the API published.

Operations return a selector's `Rows` (or a query) and declare
`@paginate(Pages)`; ninja reads `?page=` (and an optional `?page_size=`, up
to 100), and only that page is read from the database.
"""

from math import ceil
from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

# Past the last page, a query would only skip rows; a number this large is a mistake.
MAX_PAGE = 100_000


class PageIn(PageNumberPagination.Input):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int | None = Field(None, ge=1, le=100)


class Pages(PageNumberPagination):
    """A page of a list, answered as the bare list (the shape these operations always had)."""

    Input = PageIn
    Output = None  # type: ignore[assignment]  # ninja: no wrapping object

    def __init__(self, page_size: int = 20, **kwargs: Any) -> None:
        super().__init__(page_size=page_size, **kwargs)

    def paginate_queryset(
        self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any
    ) -> list[Any]:
        size = self._get_page_size(pagination.page_size)
        start = (pagination.page - 1) * size
        return list(queryset[start : start + size])


class NumberedPages(PageNumberPagination):
    """A page with its number and the number of pages: `{items, page, pages}`.

    A page past the end answers the last one, as the web pages do.
    """

    Input = PageIn

    class Output(Schema):
        items: list[Any]
        page: int
        pages: int

    def __init__(self, page_size: int = 20, **kwargs: Any) -> None:
        super().__init__(page_size=page_size, **kwargs)

    def paginate_queryset(
        self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        size = self._get_page_size(pagination.page_size)
        pages = max(1, ceil(self._items_count(queryset) / size))
        page = min(pagination.page, pages)
        start = (page - 1) * size
        return {"items": queryset[start : start + size], "page": page, "pages": pages}
