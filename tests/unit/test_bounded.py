"""`Recent`: the values a worker keeps (chart results, page layouts), bounded in number."""

from __future__ import annotations

from dashboard.bounded import Recent


def test_the_least_recently_used_goes_first_and_the_bound_holds():
    kept: Recent[str] = Recent(2)
    kept.put("a", "A")
    kept.put("b", "B")
    assert kept.get("a") == "A"  # "a" is now the most recently used
    kept.put("c", "C")
    assert len(kept) == 2
    assert kept.get("b") is None  # the least recently used went
    assert (kept.get("a"), kept.get("c")) == ("A", "C")


def test_putting_a_key_again_replaces_its_value_without_growing():
    kept: Recent[int] = Recent(2)
    kept.put("a", 1)
    kept.put("a", 2)
    assert (len(kept), kept.get("a")) == (1, 2)
