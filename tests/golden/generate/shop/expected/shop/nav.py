"""The site navigation, shown on every page (scaffold appends generated resources)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class NavItem:
    """One link of the site navigation."""

    label: str
    url: str


NAV: list[NavItem] = [
    NavItem(label="Home", url="/"),
    NavItem(label="Categories", url="/categories/"),
    NavItem(label="Products", url="/products/"),
    NavItem(label="Orders", url="/orders/"),
]
