"""What rendering a resource read of the spec, so that an unchanged rendering is known
without rendering it again.

Templates get the resource itself and the whole spec. Instead of guessing which other
resources a template looks at, rendering goes through `RecordingSpec`, which notes
every question asked of the spec (`spec.resource("Author")`, `spec.has_resource(…)`,
`(name, field) in spec.cycle_closing_refs`, `spec.referrers(resource)`, which reads the
referring resources; anything else counts as reading all of it). A resource's
fingerprint (`Fingerprinter`) hashes the resource, the answers to
those questions, and the context (scaffold version, blueprint digest, package). Rendering is
deterministic, so when the fingerprint computed from the current spec equals the
recorded one, every answer is the same, the templates take the same path, and the
rendering is the text recorded last time: the base.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

from scaffolder.model.spec import Resource, Spec
from scaffolder.render.views import ReferrerView, ResourceView, Views, model

#: One question a template asked: ("resource", name), ("has_resource", name),
#: ("cycle_closing_ref", resource, field), ("cycle_closing_refs",) or ("spec",).
Read = tuple[str, ...]


class RecordingSpec:
    """The spec as templates see it (its resources in their views, `render.views`),
    noting each question they ask of it."""

    def __init__(self, spec: Spec) -> None:
        self._spec = spec
        self._views = Views()  # one rendering's: a view made once serves every template
        self.reads: set[Read] = set()

    def resource(self, name: str) -> ResourceView:
        self.reads.add(("resource", name))
        view: ResourceView = self._views(self._spec.resource(name))
        return view

    def resource_view(self, resource: Resource) -> ResourceView:
        """The resource being rendered, in its view (it reads nothing more of the spec)."""
        view: ResourceView = self._views(resource)
        return view

    def has_resource(self, name: str) -> bool:
        self.reads.add(("has_resource", name))
        return self._spec.has_resource(name)

    def referrers(self, resource: ResourceView | Resource) -> tuple[ReferrerView, ...]:
        """The resources whose fields point at `resource`: what the answer is made of is
        those resources (the names come from `resource.reverse`, part of the resource)."""
        plain: Resource = model(resource)
        for reverse in plain.reverse:
            self.reads.add(("has_resource", reverse.source))
            self.reads.add(("resource", reverse.source))
        views: tuple[ReferrerView, ...] = self._views(self._spec.referrers(plain))
        return views

    @property
    def cycle_closing_refs(self) -> _RecordingRefs:
        return _RecordingRefs(self._spec.cycle_closing_refs, self.reads)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # protocol probes (Jinja's __html__…) read nothing
            raise AttributeError(name)
        self.reads.add(("spec",))
        return self._views(getattr(self._spec, name))


class _RecordingRefs:
    """`spec.cycle_closing_refs`, noting each membership test (iterating reads it all)."""

    def __init__(self, refs: frozenset[tuple[str, str]], reads: set[Read]) -> None:
        self._refs = refs
        self._reads = reads

    def __contains__(self, item: object) -> bool:
        if isinstance(item, tuple) and len(item) == 2 and all(isinstance(i, str) for i in item):
            self._reads.add(("cycle_closing_ref", item[0], item[1]))
        else:
            self._reads.add(("cycle_closing_refs",))
        return item in self._refs

    def __iter__(self) -> Iterator[tuple[str, str]]:
        self._reads.add(("cycle_closing_refs",))
        return iter(sorted(self._refs))

    def __len__(self) -> int:
        self._reads.add(("cycle_closing_refs",))
        return len(self._refs)


class Fingerprinter:
    """Fingerprints of a spec's resources in one context; each resource is made canonical
    once, however many others read it."""

    def __init__(self, spec: Spec, context: Mapping[str, str]) -> None:
        self.spec = spec
        self.context = dict(context)
        self._canonical: dict[str, Any] = {}

    def __call__(self, resource: Resource, reads: Iterable[Read]) -> str:
        """sha256 of everything rendering `resource` read: itself, the answers, the context."""
        data = {
            "context": self.context,
            "resource": self._resource(resource.name),
            "reads": [[*read, self._answer(read)] for read in sorted(set(reads))],
        }
        text = json.dumps(data, sort_keys=True, separators=(",", ":"), default=_scalar)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _resource(self, name: str) -> Any:
        if name not in self._canonical:
            spec = self.spec
            self._canonical[name] = (
                canonical(spec.resource(name)) if spec.has_resource(name) else None
            )
        return self._canonical[name]

    def _answer(self, read: Read) -> Any:
        kind, spec = read[0], self.spec
        if kind == "resource":
            return self._resource(read[1])
        if kind == "has_resource":
            return spec.has_resource(read[1])
        if kind == "cycle_closing_ref":
            return (read[1], read[2]) in spec.cycle_closing_refs
        if kind == "cycle_closing_refs":
            return sorted(spec.cycle_closing_refs)
        return canonical(spec)  # ("spec",) and anything unknown: the whole spec


def canonical(value: Any) -> Any:
    """A JSON-able form of model values: dataclasses by their compared fields (source
    locations left out: moving a resource in scaffold.yaml changes nothing it renders)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: canonical(getattr(value, name)) for name in _compared(type(value))}
    if isinstance(value, enum.Enum):
        return canonical(value.value)
    if isinstance(value, tuple | list):
        return [canonical(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted((canonical(v) for v in value), key=repr)
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in value.items()}
    return value


@cache
def _compared(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.compare)


def _scalar(value: Any) -> str:
    """JSON for the other values a spec holds (decimals, dates): type and repr, both stable."""
    return f"{type(value).__name__}:{value!r}"
