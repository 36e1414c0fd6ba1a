"""The generated blog in a real browser: the admin and the HTML pages, clicked through.

Debian's chromium, driven by Playwright (never `playwright install`: the system
browser is launched by path), against `python -m blog serve` on 127.0.0.1 and a
free port, on a fresh SQLite database with a superuser from `createsuperuser`.

- Admin: log in at /admin/, add two authors, change one, find it with the live
  (htmx) search, delete both with "Delete selected" and its confirmation page.
- Pages: create an author and a post at /authors/new and /posts/new, each first
  with a mistake the server explains next to the input (the other input values kept),
  then fixed.
- /docs: Swagger UI renders from the app's own files under the same CSP.
- No page logs a script error or a Content-Security-Policy violation, and a required
  input's label keeps its "*" on its line.

- Every kind of page (login; the admin's dashboard, list, empty list, form with
  errors, delete and bulk-delete confirmations, refused delete; the public list,
  detail, form with errors and delete confirmation) on a seeded blog: axe-core's
  WCAG 2.2 A/AA rules at 0 violations, at 1366 and 390 px, light and dark, and
  nothing wider than the phone's screen.

- Numbers, on the shop example: the admin's and the public list of products show Price
  and Stock (decimal, int) right-aligned in tabular figures, header too, each column's
  text ending on one right edge, at 1366 and 390 px.

Without chromium the tests are skipped, unless SCAFFOLD_REQUIRE_BROWSER is set (CI
sets it), which makes that a failure. With SCAFFOLD_SCREENSHOTS=1 they also save
docs/screenshots/: admin-list.png, admin-search.png, html-form.png,
<page>-desktop.png / <page>-phone.png of every kind of page and
admin-numbers-desktop.png / -phone.png (commit them).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

from e2e.support import Project

pytestmark = pytest.mark.e2e

REQUIRE_ENV = "SCAFFOLD_REQUIRE_BROWSER"
SCREENSHOTS_ENV = "SCAFFOLD_SCREENSHOTS"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

EMAIL, PASSWORD = "admin@example.com", "browser-pw-1"

#: Flags for a quiet, headless system chromium that fetches nothing on its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium = find_chromium()
    if chromium is None:
        message = "chromium not found"
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{message}, and {REQUIRE_ENV} is set")
        pytest.skip(f"{message}; apt-get install chromium (or set {REQUIRE_ENV}=1 to fail instead)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@contextmanager
def served(project: Project, name: str, tmp: Path) -> Iterator[str]:
    """`project` (example `name`) migrated on a fresh SQLite database in `tmp`, with the
    superuser, served: its URL."""
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp / f'{name}.db'}"}
    project.run("alembic", "upgrade", "head", env=env)
    project.run(name, "createsuperuser", "--email", EMAIL, "--password", PASSWORD, env=env)
    with project.serve(env, tmp / "server.log") as url:
        yield url


@pytest.fixture(scope="module")
def base_url(
    example_project: Callable[[str], Project], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The blog example, served on a fresh SQLite database with one superuser."""
    blog = example_project("blog")
    with served(blog, "blog", tmp_path_factory.mktemp("browser")) as url:
        yield url


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A logged-out tab of its own; fails the test if a page logged an error."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        # A 4xx page (422 form, 409 conflict) is logged as a failed resource: expected.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(f"{tab.url}: {message.text}")

    tab.on("console", on_console)
    tab.on("pageerror", lambda error: problems.append(f"{tab.url}: {error}"))
    yield tab
    context.close()
    assert problems == [], "the browser reported errors"


def screenshot(page: Page, name: str) -> None:
    if os.environ.get(SCREENSHOTS_ENV):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / name, full_page=True)


def log_in(page: Page, path: str) -> None:
    """Open `path` as a visitor, get sent to the login form, log in, land on `path`."""
    page.goto(path)
    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))


def test_admin_add_change_search_and_bulk_delete(page: Page) -> None:
    log_in(page, "/admin/")
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    page.locator("main .cards").get_by_role("link", name="Authors", exact=True).click()
    expect(page.get_by_role("heading", name="Authors", exact=True)).to_be_visible()
    # An empty list says so and offers the way to add the first row, as the header does.
    empty = page.locator(".empty")
    expect(empty).to_contain_text("No authors yet.")
    expect(empty.get_by_role("link", name="Add author")).to_be_visible()

    for name, email in [("Ada Lovelace", "ada@example.com"), ("Grace Hopper", "grace@example.com")]:
        page.get_by_role("link", name="Add author").first.click()
        page.get_by_label("Name").fill(name)
        page.get_by_label("Email").fill(email)
        page.get_by_role("button", name="Save").click()
        expect(page).to_have_url(re.compile(r"/admin/authors/$"))
        expect(page.get_by_role("status").first).to_have_text(f"The author “{name}” was added.")
    rows = page.locator("#author-results tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator(".result-count")).to_have_text("1\N{EN DASH}2 of 2 authors")

    page.get_by_role("link", name="Ada Lovelace").click()
    expect(page.get_by_role("heading", name="Change author “Ada Lovelace”")).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value("ada@example.com")
    page.get_by_label("Name").fill("Ada King")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").first).to_have_text("The author “Ada King” was changed.")
    expect(page.get_by_role("link", name="Ada King")).to_be_visible()

    # The live search: typing is enough (htmx), and the address follows.
    page.get_by_label("Search authors").press_sequentially("king")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Ada King")
    expect(page).to_have_url(re.compile(r"[?&]q=king"))
    expect(page.locator(".result-count")).to_have_text("1\N{EN DASH}1 of 1 authors")
    screenshot(page, "admin-search.png")

    page.goto("/admin/authors/")
    expect(rows).to_have_count(2)
    page.get_by_label("Select Ada King").check()
    page.get_by_label("Select Grace Hopper").check()
    page.get_by_role("button", name="Delete selected authors…").click()
    expect(page.get_by_role("heading", name="Delete 2 authors?")).to_be_visible()
    expect(page.get_by_role("listitem")).to_contain_text(["Ada King", "Grace Hopper"])
    page.get_by_role("button", name="Yes, delete them").click()
    expect(page).to_have_url(re.compile(r"/admin/authors/$"))
    expect(page.get_by_role("status").first).to_have_text("Deleted 2 author(s).")
    expect(page.get_by_text("No authors yet.")).to_be_visible()
    expect(page.locator(".result-count")).to_have_text("0 authors")


def test_pages_create_with_a_mistake_shown_then_fixed(page: Page) -> None:
    log_in(page, "/authors/new")
    page.get_by_label("Name").fill("Edsger Dijkstra")
    page.get_by_label("Email").fill("not an email")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the errors below.")
    email = page.get_by_label("Email")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#field-email-error")).to_contain_text("email")
    expect(page.get_by_label("Name")).to_have_value("Edsger Dijkstra")  # kept
    email.fill("edsger@example.com")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/authors/\d+$"))
    expect(page.get_by_role("heading", name="Edsger Dijkstra")).to_be_visible()

    page.goto("/posts/new")
    # A required input's label and its mark "*" share one line.
    label = page.locator("label[for='field-title']")
    label_box, mark_box = label.bounding_box(), label.locator(".required").bounding_box()
    assert label_box is not None
    assert mark_box is not None
    assert label_box["height"] < 1.5 * mark_box["height"], (label_box, mark_box)
    page.get_by_label("Title").fill("Go To Statement Considered Harmful")
    page.get_by_label("Slug").fill("Go To!")
    page.get_by_label("Body").fill(
        "For a number of years I have been familiar with the observation…"
    )
    page.get_by_label("Author").select_option(label="Edsger Dijkstra")
    page.get_by_role("button", name="Save").click()
    slug = page.get_by_label("Slug")
    expect(slug).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#field-slug-error")).to_be_visible()
    expect(slug).to_have_value("Go To!")  # kept, to be corrected
    expect(page.get_by_label("Title")).to_have_value("Go To Statement Considered Harmful")
    expect(page.get_by_label("Author")).to_have_value(re.compile(r"\d+"))
    screenshot(page, "html-form.png")
    slug.fill("go-to-statement-considered-harmful")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/posts/\d+$"))
    expect(page.get_by_role("heading", name="Go To Statement Considered Harmful")).to_be_visible()

    # The admin lists it with its author (and its filters sidebar).
    page.goto("/admin/posts/")
    expect(page.locator("#post-results tbody tr")).to_have_count(1)
    expect(page.locator("#post-results tbody tr").first).to_contain_text("Edsger Dijkstra")
    screenshot(page, "admin-list.png")


def test_api_docs_render_from_the_app_alone(page: Page, base_url: str) -> None:
    # Swagger UI is vendored in the project's static files and started by a script
    # file: it renders under the strict Content-Security-Policy (a violation is a
    # console error, which fails the test), with nothing fetched from another site.
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith((base_url, "data:")) else elsewhere.append(request.url)
        ),
    )
    page.goto("/docs")
    expect(page.locator(".opblock-tag", has_text="Authors")).to_be_visible()
    expect(page.locator(".opblock-summary-path", has_text="/api/posts").first).to_be_visible()
    assert elsewhere == []


# --- every kind of page: WCAG 2.2 AA (axe-core), phones, and the docs' screenshots ------

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
#: The axe-core rule tags of WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
#: (name, width, height) of the screens each page is checked on.
SCREENS = {"desktop": (1366, 900), "phone": (390, 844)}
POSTS = 30  # more than one page of them


def api(url: str, path: str, body: dict[str, object], token: str = "") -> dict[str, object]:
    """POST JSON (or, without a token, the login form) to the app; the answer's JSON."""
    if token:
        data = json.dumps(body).encode()
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    else:
        data = urllib.parse.urlencode(body).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
    request = urllib.request.Request(url + path, data=data, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        answer: dict[str, object] = json.load(response)
        return answer


def seed(url: str) -> None:
    """Authors, tags and enough posts for two pages, through the JSON API."""
    token = str(
        api(url, "/api/auth/token", {"username": EMAIL, "password": PASSWORD})["access_token"]
    )
    people = ["Ada Lovelace", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov"]
    authors = [
        api(
            url,
            "/api/authors",
            {"name": name, "email": f"{name.split()[0].lower()}@example.com"},
            token,
        )["id"]
        for name in people
    ]
    for name in ("essays", "history", "algorithms"):
        api(url, "/api/tags", {"name": name}, token)
    for number in range(1, POSTS + 1):
        status = ("draft", "published", "archived")[number % 3]
        post = {
            "title": f"Notes on programming, part {number}",
            "slug": f"notes-{number}",
            "body": "For a number of years I have been familiar with the observation…",
            "status": status,
            "author_id": authors[number % len(authors)],
        }
        if status != "draft":
            post["published_at"] = f"2026-{1 + number % 12:02}-{1 + number % 28:02}T09:30:00Z"
        api(url, "/api/posts", post, token)


@pytest.fixture(scope="module")
def seeded_url(
    example_project: Callable[[str], Project], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The blog again, on a database of its own holding authors, tags and posts."""
    blog = example_project("blog")
    with served(blog, "blog", tmp_path_factory.mktemp("browser-seeded")) as url:
        seed(url)
        yield url


def axe_violations(page: Page) -> list[str]:
    """What axe-core finds against WCAG 2.2 A/AA on the page as it is, one line each.

    axe is added through the DevTools protocol (an init script), not a <script> tag,
    so the page's Content-Security-Policy stays as strict as it is for visitors.
    """
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    assert len(results["passes"]) > 10, "axe-core did not run its rules"
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["html"][:160] for node in violation["nodes"][:4])
        for violation in results["violations"]
    ]


#: Elements whose right edge is beyond the screen, unless a box that scrolls (or clips)
#: holds them; and the page itself when it is wider than the screen.
OVERFLOW_JS = """() => {
  const root = document.documentElement, width = root.clientWidth, found = [];
  if (root.scrollWidth > width) found.push(`the page: ${root.scrollWidth}px`);
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    let parent = element.parentElement, held = false;
    while (parent && parent !== document.body && !held) {
      held = ['auto', 'scroll', 'hidden'].includes(getComputedStyle(parent).overflowX);
      parent = parent.parentElement;
    }
    const name = `${element.tagName.toLowerCase()}.${element.className}`;
    if (!held) found.push(`${name}: right edge at ${box.right}px`);
  }
  return found.slice(0, 8);
}"""


def overflow(page: Page) -> list[str]:
    """What sticks out of the screen (nothing, on a page that fits)."""
    found: list[str] = page.evaluate(OVERFLOW_JS)
    return found


def open_page(page: Page, name: str) -> None:
    """Go to the page called `name`, in the state the checks look at."""
    if name == "login":
        page.goto("/login")
        return
    page.goto("/login?next=/admin/")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    if name == "admin-dashboard":
        return
    paths = {
        "admin-list": "/admin/posts/",
        "admin-empty-list": "/admin/comments/",  # the seed writes no comments
        "admin-form-errors": "/admin/posts/add",
        "admin-delete-confirm": "/admin/posts/",
        "admin-delete-refused": "/admin/authors/",  # an author's posts protect it
        "admin-bulk-confirm": "/admin/posts/",
        "html-list": "/posts/",
        "html-detail": "/posts/",
        "html-form-errors": "/posts/new",
        "html-delete-confirm": "/posts/",
    }
    page.goto(paths[name])
    if name in ("html-detail", "html-delete-confirm"):
        page.locator("main tbody a").first.click()
        expect(page).to_have_url(re.compile(r"/posts/\d+$"))
    if name == "html-delete-confirm":
        page.get_by_role("link", name="Delete", exact=True).click()
        expect(page.get_by_role("button", name="Yes, delete it")).to_be_visible()
    if name in ("admin-delete-confirm", "admin-delete-refused"):
        page.locator("main tbody th a").first.click()
        page.get_by_role("link", name="Delete", exact=True).click()
        expect(page).to_have_url(re.compile(r"/\d+/delete$"))
    if name == "admin-bulk-confirm":
        page.locator("main tbody input[type=checkbox]").nth(0).check()
        page.locator("main tbody input[type=checkbox]").nth(1).check()
        page.get_by_role("button", name="Delete selected posts…").click()
        expect(page.get_by_role("heading", name="Delete 2 posts?")).to_be_visible()
    if name.endswith("form-errors"):
        page.get_by_label("Slug").fill("Not a slug!")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_role("alert").first).to_contain_text("Please correct the errors below.")


PAGES = [
    "login",
    "admin-dashboard",
    "admin-list",
    "admin-empty-list",
    "admin-form-errors",
    "admin-delete-confirm",
    "admin-delete-refused",
    "admin-bulk-confirm",
    "html-list",
    "html-detail",
    "html-form-errors",
    "html-delete-confirm",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("name", PAGES)
def test_every_page_meets_wcag_and_fits_the_screen(
    browser: Browser, seeded_url: str, name: str, screen: str, scheme: str
) -> None:
    width, height = SCREENS[screen]
    context = browser.new_context(
        base_url=seeded_url,
        viewport={"width": width, "height": height},
        color_scheme=scheme,  # type: ignore[arg-type]
    )
    context.add_init_script(path=AXE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        open_page(page, name)
        assert axe_violations(page) == [], f"{name} on a {screen} ({scheme})"
        if screen == "phone":
            assert overflow(page) == [], f"{name} is wider than a {width} px phone"
        if scheme == "light":
            screenshot(page, f"{name}-{screen}.png")
    finally:
        context.close()


# --- numbers: right-aligned in figures of one width (the shop example's prices) ---------

#: (sku, name, price, stock) of the products the shop is seeded with: lengths that differ.
PRODUCTS = [
    ("SKU-1000", "Claw hammer", "19.99", 120),
    ("SKU-1001", "Cordless drill, 18 V", "1249.00", 7),
    ("SKU-1002", "Wood screws (box of 200)", "4.50", 2350),
    ("SKU-1003", "Garden hose, 25 m", "39.95", 0),
]

#: Per header label: [text-align, font-variant-numeric, right edge of the text] of the
#: header, then of each cell of its column (a Range measures the text, not the cell).
COLUMNS_JS = """() => {
  const table = document.querySelector('main table');
  const headers = [...table.tHead.rows[0].cells];
  const measure = cell => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const style = getComputedStyle(cell);
    return [style.textAlign, style.fontVariantNumeric, range.getBoundingClientRect().right];
  };
  const columns = {};
  headers.forEach((header, index) => {
    const cells = [...table.tBodies[0].rows].map(row => row.cells[index]);
    columns[header.textContent.trim()] = [header, ...cells].map(measure);
  });
  return columns;
}"""


@pytest.fixture(scope="module")
def shop_url(
    example_project: Callable[[str], Project], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The shop example (products with prices and stock), served and seeded."""
    shop = example_project("shop")
    with served(shop, "shop", tmp_path_factory.mktemp("browser-shop")) as url:
        token = str(
            api(url, "/api/auth/token", {"username": EMAIL, "password": PASSWORD})["access_token"]
        )
        category = api(url, "/api/categories", {"name": "Tools"}, token)["id"]
        for sku, name, price, stock in PRODUCTS:
            product = {"sku": sku, "name": name, "price": price, "stock": stock}
            api(url, "/api/products", {**product, "category_id": category}, token)
        yield url


@pytest.mark.parametrize("screen", list(SCREENS))
def test_numbers_are_right_aligned_in_tabular_figures(
    browser: Browser, shop_url: str, screen: str
) -> None:
    """Price and Stock (decimal, int) line up on the right, header too, in the admin and
    on the public list; text columns stay left; nothing overflows a phone."""
    width, height = SCREENS[screen]
    context = browser.new_context(base_url=shop_url, viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        log_in(page, "/admin/products/")
        for path in ("/admin/products/", "/products/"):
            page.goto(path)
            expect(page.locator("main tbody tr")).to_have_count(len(PRODUCTS))
            columns = page.evaluate(COLUMNS_JS)
            for label in ("Price", "Stock"):
                cells = columns[label]
                assert {(align, figures) for align, figures, _ in cells} == {
                    ("right", "tabular-nums")
                }, (path, label, cells)
                edges = [right for _, _, right in cells]
                assert max(edges) - min(edges) < 1, (path, label, edges)  # one right edge
            for label in ("Sku", "Name"):
                assert {align for align, _, _ in columns[label]} == {"start"}, (path, label)
            if screen == "phone":
                assert overflow(page) == [], f"{path} is wider than a {width} px phone"
            if path.startswith("/admin/"):
                # on a phone the table scrolls inside its box: to its numbers, for the picture
                page.locator("main thead th", has_text="Stock").scroll_into_view_if_needed()
                screenshot(page, f"admin-numbers-{screen}.png")
    finally:
        context.close()
