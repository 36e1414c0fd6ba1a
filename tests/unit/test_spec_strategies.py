"""The spec strategy of the property-based end-to-end test draws only valid specs.

Cheap (no project is generated): every drawn spec must pass `check`'s loader. A
rejection here is a bug of the strategy, or a name the spec format says is valid that
`check` refuses (then it belongs in KNOWN_BROKEN until fixed).
"""

from __future__ import annotations

from e2e.spec_strategies import KNOWN_BROKEN, Spec, documented, spec_yaml, specs
from hypothesis import HealthCheck, given, reject, settings

from scaffolder.errors import SpecError
from scaffolder.spec import parse_spec


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs(avoid=frozenset(KNOWN_BROKEN)))
def test_every_drawn_spec_is_accepted_by_check(spec: Spec) -> None:
    text = spec_yaml(spec)
    try:
        loaded = parse_spec(text)
    except SpecError as error:
        if documented([problem.message for problem in error.problems]):
            reject()  # a name too long for the generated code: the format says so
        raise AssertionError(f"check rejected a drawn spec:\n{error}\n---\n{text}") from None
    assert [r.name for r in loaded.resources] == list(spec["resources"])
    # required refs never form a cycle: some row of each resource can be created first
    required = {
        r.name: {
            f.relation.target
            for f in r.fields
            if f.relation is not None and f.is_ref and not f.nullable
        }
        for r in loaded.resources
    }
    done: set[str] = {"User"}
    while pending := [name for name, targets in required.items() if name not in done]:
        ready = [name for name in pending if required[name] <= done]
        assert ready, f"required refs in a cycle among {pending}:\n{text}"
        done.update(ready)
