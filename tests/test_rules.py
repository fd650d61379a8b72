"""Every wording rule's own examples, run as tests, and every rule's pattern in linear time.

Parametrised over ``minutes_parser.grammar.wording.all_rules()`` (plus the
look-alike family that detection uses): each example matches and yields the
fields it states, each counter example does not, the pre-check derived from the
pattern lets every example through, names are unique in their family and every
rule says in words what it recognises. Then each rule runs on generated worst
cases (runs of spaces, tabs, digits, dots, dashes and letters, and its own
keywords repeated) at 1k, 4k and 16k characters: 16 times the input must cost
well under 40 times the time.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from minutes_parser.grammar.ruler import Rule
from minutes_parser.grammar.wording import all_rules
from minutes_parser.grammar.wording.lookalike import LOOKALIKE


def _rules() -> list[tuple[str, Rule]]:
    found = all_rules()
    seen = {id(rule) for _, rule in found}
    return found + [(LOOKALIKE.family, rule) for rule in LOOKALIKE if id(rule) not in seen]


RULES = _rules()
IDS = [f"{family}/{rule.name}" for family, rule in RULES]


def _example(example: str | tuple[str, Any]) -> tuple[str, dict[str, Any]]:
    if isinstance(example, str):
        return example, {}
    text, fields = example
    return text, dict(fields)


def test_there_are_rules_in_every_family() -> None:
    families = Counter(family for family, _ in RULES)
    assert len(RULES) >= 30 and all(families.values()), families


@pytest.mark.parametrize(("family", "rule"), RULES, ids=IDS)
def test_examples_match_with_their_fields(family: str, rule: Rule) -> None:
    problems = []
    for example in rule.examples:
        text, stated = _example(example)
        got = rule.fields(text)
        if got is None:
            problems.append(f"does not match {text!r}")
            continue
        for key, value in stated.items():
            if got.get(key) != value:
                problems.append(f"{text!r}: {key} = {got.get(key)!r}, example says {value!r}")
    assert not problems, f"{family}/{rule.name}: " + "; ".join(problems)


@pytest.mark.parametrize(("family", "rule"), RULES, ids=IDS)
def test_counter_examples_do_not_match(family: str, rule: Rule) -> None:
    wrong = [text for text in rule.counter if rule.fields(text) is not None]
    assert not wrong, f"{family}/{rule.name} matches its counter examples {wrong!r}"


@pytest.mark.parametrize(("family", "rule"), RULES, ids=IDS)
def test_prefilter_lets_its_own_examples_through(family: str, rule: Rule) -> None:
    blocked = [text for text, _ in map(_example, rule.examples) if not rule.allows(text.lower())]
    assert not blocked, f"{family}/{rule.name}: prefilter {sorted(rule.prefilter or ())} blocks {blocked!r}"


def test_rule_names_are_unique_in_their_family() -> None:
    counts = Counter(IDS)
    assert not [name for name, n in counts.items() if n > 1]


@pytest.mark.parametrize(("family", "rule"), RULES, ids=IDS)
def test_rule_says_what_it_recognises(family: str, rule: Rule) -> None:
    assert len(" ".join(rule.doc.split())) >= 20, f"{family}/{rule.name}: doc {rule.doc!r} is too short"


# ---------------------------------------------------------------- linear time
SIZES = (1_000, 4_000, 16_000)
RATIO_LIMIT = 40.0
"""16x the input may cost at most this many times the time (linear is 16, quadratic 256)."""
FLOOR_SECONDS = 0.002
"""Below this at 16k characters, a run is too short to measure: it passes."""
SMALL_FLOOR = 0.0001
"""The 1k time is taken as at least this, so microsecond noise cannot make a ratio."""
BUDGET_SECONDS = 2.0
"""One call may take this long; a rule that cannot read 16k characters in it fails outright
(a linear one takes milliseconds). The regex engine checks for signals, so a timer stops it."""
RUNS = "\x20\t9.-aA"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d+|[^\w\s]")


def _keywords(rule: Rule) -> list[str]:
    """The first words of the rule's examples, alone and as a pair, in order, at most eight."""
    words: list[str] = []
    for example in rule.examples[:6]:
        text, _ = _example(example)
        tokens = _WORD.findall(text)
        words.extend(tokens[:2])
        if len(tokens) >= 2:
            words.append(" ".join(tokens[:2]))
    return list(dict.fromkeys(words))[:8]


def worst_cases(rule: Rule) -> dict[str, Callable[[int], str]]:
    """Generators of hostile text of about ``n`` characters, by name."""
    cases: dict[str, Callable[[int], str]] = {}
    for ch in RUNS:
        cases[f"run {ch!r}"] = lambda n, ch=ch: ch * n
        cases[f"run {ch!r} then x"] = lambda n, ch=ch: ch * (n - 1) + "x"
    for word in _keywords(rule):
        cases[f"{word!r} repeated"] = lambda n, w=word: (w + " ") * (n // (len(w) + 1))
        cases[f"{word!r} repeated without spaces"] = lambda n, w=word: w * (n // len(w))
        for ch in " \t9.-":
            cases[f"{word!r} then run {ch!r}"] = lambda n, w=word, ch=ch: w + ch * (n - len(w) - 1) + "x"
    return cases


def _runner(rule: Rule) -> Callable[[str], object]:
    if rule.search:
        return rule.pattern.search
    return rule.match


class _OverBudget(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _OverBudget


def _timed(fn: Callable[[str], object], text: str) -> float | None:
    """Seconds one call takes, or None when it runs past the budget."""
    timer = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGALRM, _alarm) if timer else None
    try:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, BUDGET_SECONDS)
        start = time.perf_counter()
        fn(text)
        return time.perf_counter() - start
    except _OverBudget:
        return None
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _best(fn: Callable[[str], object], text: str) -> float | None:
    """Best of three calls (one when the first is slow enough to be sure of), None past the budget."""
    first = _timed(fn, text)
    if first is None or first > 0.2:
        return first
    times = [first, *(_timed(fn, text) for _ in range(2))]
    return min(t for t in times if t is not None)


def linear_problem(rule: Rule) -> str | None:
    """What makes the rule super-linear on a generated case, or None."""
    run = _runner(rule)
    for name, make in worst_cases(rule).items():
        times = [_best(run, make(n)) for n in SIZES]
        shown = ", ".join(
            f"{n // 1000}k " + (f"{t * 1000:.2f} ms" if t is not None else f"over {BUDGET_SECONDS:.0f} s")
            for n, t in zip(SIZES, times, strict=True)
        )
        small, large = times[0], times[-1]
        if large is None:
            return f"does not finish 16k characters of {name} in {BUDGET_SECONDS:.0f} s ({shown})"
        if large < FLOOR_SECONDS:
            continue
        ratio = large / max(small or 0.0, SMALL_FLOOR)
        if ratio >= RATIO_LIMIT:
            return f"16k/1k = {ratio:.0f} on {name} ({shown})"
    return None


@pytest.mark.parametrize(("family", "rule"), RULES, ids=IDS)
def test_rule_runs_in_linear_time(family: str, rule: Rule) -> None:
    problem = linear_problem(rule)
    assert problem is None, f"{family}/{rule.name}: {problem}"
