"""Write a realistic scaffold.yaml of N resources, for the generation benchmarks.

Every resource mixes the field types of real specs: strings, text, numbers,
decimals, booleans, dates, enums with defaults, JSON, and relations — refs to
earlier resources (some with `back:` names and `set_null`), refs to User, a few
self-references and many-to-many fields — and some resources leave a layer out.
The same N and seed always give the same spec.

    python bench/tool/make_spec.py 100 > scaffold.yaml
"""

from __future__ import annotations

import argparse
import random
import sys

WORDS = [
    "Account",
    "Address",
    "Album",
    "Article",
    "Asset",
    "Badge",
    "Batch",
    "Booking",
    "Branch",
    "Budget",
    "Campaign",
    "Card",
    "Carrier",
    "Chapter",
    "Claim",
    "Client",
    "Contract",
    "Coupon",
    "Course",
    "Device",
    "Discount",
    "Document",
    "Event",
    "Expense",
    "Feature",
    "Folder",
    "Grant",
    "Group",
    "Invoice",
    "Issue",
    "Journal",
    "Lesson",
    "License",
    "Location",
    "Meeting",
    "Message",
    "Milestone",
    "Module",
    "Note",
    "Offer",
    "Package",
    "Payment",
    "Permit",
    "Photo",
    "Plan",
    "Playlist",
    "Policy",
    "Project",
    "Prompt",
    "Quote",
    "Receipt",
    "Recipe",
    "Region",
    "Release",
    "Report",
    "Review",
    "Room",
    "Route",
    "Schedule",
    "Section",
    "Segment",
    "Shelf",
    "Shift",
    "Shipment",
    "Skill",
    "Slot",
    "Source",
    "Sprint",
    "Station",
    "Story",
    "Subject",
    "Survey",
    "Task",
    "Teacher",
    "Ticket",
    "Topic",
    "Track",
    "Trip",
    "Unit",
    "Vendor",
    "Venue",
    "Visit",
    "Voucher",
    "Warehouse",
    "Widget",
    "Workshop",
    "Zone",
]


def resource_names(count: int) -> list[str]:
    """`count` distinct PascalCase names: the words, then the words with a qualifier."""
    names = list(WORDS)
    qualifiers = ("Archived", "External", "Internal", "Pending", "Shared", "Draft")
    for qualifier in qualifiers:
        names += [f"{qualifier}{word}" for word in WORDS]
    if count > len(names):
        raise SystemExit(f"at most {len(names)} resources")
    return names[:count]


def spec_text(count: int, seed: int = 6) -> str:
    """The YAML text of a spec of `count` resources."""
    rng = random.Random(seed)
    names = resource_names(count)
    lines = [f"# {count} resources made by bench/tool/make_spec.py (seed {seed}).", "version: 1"]
    lines.append("resources:")
    for index, name in enumerate(names):
        lines.append(f"  {name}:")
        lines.append("    fields:")
        lines += [f"      {line}" for line in _fields(rng, index, names)]
        if index % 7 == 3:
            lines.append("    layers: [api, admin]")
        elif index % 11 == 5:
            lines.append("    layers: [api]")
        if index % 5 == 0:
            lines.append("    ordering: [-created_on, title]")
    return "\n".join(lines) + "\n"


def _fields(rng: random.Random, index: int, names: list[str]) -> list[str]:
    fields = ["title: str(120) unique" if index % 3 == 0 else "title: str(200) index"]
    optional = [
        "summary: text?",
        f"quantity: int = {rng.randint(0, 9)}",
        "price: decimal(10,2)",
        "ratio: float?",
        "active: bool = true",
        "created_on: date",
        "starts_at: datetime?",
        "status: enum(draft, open, on hold, closed) = draft",
        "priority: enum(low, normal, high)?",
        "settings: json?",
        "website: url?",
        "contact: email?",
        "reference: uuid unique",
        "code: slug unique",
    ]
    fields += sorted(rng.sample(optional, rng.randint(3, 6)), key=optional.index)
    if index % 5 == 0:
        fields.append("created_on: date")  # ordering uses it
    earlier = names[:index]
    if earlier:
        target = rng.choice(earlier)
        fields.append(f"{_field_name(target)}: ref({target})")
        if index % 4 == 1 and len(earlier) > 1:
            second = rng.choice([n for n in earlier if n != target])
            fields += [
                "backup:",
                f"  type: ref({second})",
                "  nullable: true",
                "  on_delete: set_null",
                f"  back: backup_{_snake(names[index])}s",
            ]
        if index % 6 == 2:
            fields.append(f"related: many({rng.choice(earlier)})")
    if index % 4 == 0:
        fields.append("owner: ref(User)")
    if index % 13 == 7:
        fields += [
            "parent:",
            f"  type: ref({names[index]})",
            "  nullable: true",
            "  on_delete: set_null",
            "  back: children",
        ]
    return _one_per_name(fields)


def _one_per_name(fields: list[str]) -> list[str]:
    """The first field of each name, with all of its indented lines.

    Two long-form fields share lines (`  nullable: true`): only whole fields are dropped.
    """
    kept: list[str] = []
    seen: set[str] = set()
    keep = True
    for line in fields:
        if not line.startswith(" "):
            name = line.split(":", 1)[0]
            keep = name not in seen
            seen.add(name)
        if keep:
            kept.append(line)
    return kept


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def _field_name(target: str) -> str:
    return _snake(target)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("resources", type=int, help="how many resources")
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args(argv)
    sys.stdout.write(spec_text(args.resources, args.seed))


if __name__ == "__main__":
    main()
