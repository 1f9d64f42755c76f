"""A ``Finding`` is a frozen value whose constructor is written out (for speed): it must stay the fields'."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from qa_rules.model import Finding, Location


def test_the_constructor_takes_exactly_the_fields_in_order_with_their_defaults():
    parameters = list(inspect.signature(Finding.__init__).parameters.values())[1:]
    fields = dataclasses.fields(Finding)
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, field in zip(parameters, fields):
        default = field.default if field.default is not dataclasses.MISSING else inspect.Parameter.empty
        assert parameter.default == default, field.name


def test_a_finding_built_positionally_or_replaced_is_the_same_frozen_value():
    at = Location("en.md", "en", "op.3", 12)
    finding = Finding("SP02", "spacing.space_before_punctuation", "spacing", "warning", None, at,
                      "space before ';' in en", "no space", "States ;", mark=(6, 7))
    assert finding.count == 1 and finding.places == () and finding.consequences == ()
    assert dataclasses.replace(finding, count=3) == Finding(**{**dataclasses.asdict(finding), "target": at,
                                                                 "count": 3})
    assert pickle.loads(pickle.dumps(finding)) == finding and pickle.loads(pickle.dumps(finding)).id == finding.id
    assert hash(finding) == hash(dataclasses.replace(finding))
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.message = "changed"  # type: ignore[misc]
