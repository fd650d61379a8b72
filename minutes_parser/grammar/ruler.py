"""Named wording rules and their ordered registry.

A :class:`Rule` is one way councils write one thing ("RESOLVED that ...",
"Moved by X, seconded by Y", "5.1 Apologies"): a name, a docstring naming the
phenomenon in general words, a compiled pattern, the fields it yields, and
examples that must (and must not) match. Each rule carries a quick pre-check
*derived from its own pattern* (:func:`required_literals`): the literal
strings of which any match must contain one. The pre-check can never disagree
with the pattern, so a pattern change cannot be silently disabled by a stale
word list.

A :class:`Ruler` is an ordered registry of rules (markdown-it-py's ``Ruler``):
rules can be looked up, disabled, enabled, or inserted before or after another.
The first enabled rule whose pre-check passes and whose pattern matches (and
whose ``accept`` hook does not refuse the match) wins.

>>> r = Rule("greeting", "a greeting", re.compile(r"^hello\\s+(?P<who>\\w+)", re.I), examples=("Hello world",))
>>> r.prefilter
frozenset({'hello'})
>>> r.match("HELLO there").group("who")
'there'
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from ..regexes import first_items, guard

try:  # Python 3.11+
    import re._constants as _OPS  # type: ignore[import-not-found,unused-ignore]
    import re._parser as _sre_parse  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _OPS  # type: ignore[no-redef,unused-ignore]
    import sre_parse as _sre_parse  # type: ignore[no-redef,unused-ignore]

MAX_ALTERNATIVES = 64
"""Beyond this many alternative literal strings (a product of alternations), the analysis
gives up and the rule is always tried: the set would grow without bound, and a rule that
can start with that many words is not narrowed much by them."""
MIN_LITERAL = 2
"""Literals shorter than this filter almost nothing (every line holds an "a")."""

Accept = Callable[[re.Match[str], str], "Mapping[str, Any] | None"]
"""A rule's optional hook: given the match and the text, return the fields it yields
(possibly cleaned) or None to refuse the match (a check a regex cannot express)."""


def _exact(node: Any) -> frozenset[str] | None:
    """The exact strings ``node`` can match, when it is a small set of literals."""
    op, av = node
    if op is _OPS.LITERAL:
        return frozenset({chr(av).lower()})
    if op is _OPS.IN:
        chars = set()
        for sub_op, sub_av in av:
            if sub_op is _OPS.LITERAL:
                chars.add(chr(sub_av).lower())
            elif sub_op is _OPS.NEGATE:
                return None
            else:
                return None
        return frozenset(chars) if 0 < len(chars) <= 4 else None
    if op is _OPS.SUBPATTERN:
        return _seq_exact(av[-1])
    if op is _OPS.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _seq_exact(branch)
            if found is None:
                return None
            out |= found
            if len(out) > MAX_ALTERNATIVES:
                return None
        return frozenset(out)
    return None


def _seq_exact(seq: Iterable[Any]) -> frozenset[str] | None:
    out: frozenset[str] = frozenset({""})
    for node in seq:
        if node[0] is _OPS.AT:
            continue
        found = _exact(node)
        if found is None:
            return None
        out = frozenset(a + b for a in out for b in found)
        if len(out) > MAX_ALTERNATIVES:
            return None
    return out


def _quality(alternatives: frozenset[str] | None) -> int:
    """How selective a set of alternatives is: its shortest member's length."""
    if not alternatives:
        return 0
    return min(len(a) for a in alternatives)


def _required(seq: Iterable[Any]) -> frozenset[str] | None:
    """Strings of which every match of ``seq`` contains one (None: no such set)."""
    best: frozenset[str] | None = None
    run: frozenset[str] | None = frozenset({""})

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and _quality(found) > _quality(best):
            best = found

    for node in seq:
        op, _av = node
        if op is _OPS.AT or op is _OPS.ASSERT or op is _OPS.ASSERT_NOT:
            continue  # anchors and look-arounds consume nothing
        exact = _exact(node)
        if exact is not None and run is not None:
            joined = frozenset(a + b for a in run for b in exact)
            if len(joined) <= MAX_ALTERNATIVES:
                run = joined
                continue
        consider(run)
        run = exact if exact is not None else None
        if run is None:
            consider(_node_required(node))
            run = frozenset({""})
    consider(run)
    return best


def _node_required(node: Any) -> frozenset[str] | None:
    op, av = node
    if op is _OPS.SUBPATTERN:
        return _required(av[-1])
    if op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT, getattr(_OPS, "POSSESSIVE_REPEAT", None)):
        low, _high, body = av
        return _required(body) if low >= 1 else None
    if op is _OPS.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _required(branch)
            if not found:
                return None
            out |= found
            if len(out) > MAX_ALTERNATIVES:
                return None
        return frozenset(out)
    if op is getattr(_OPS, "ATOMIC_GROUP", None):
        return _required(av)
    return None


@functools.lru_cache(maxsize=512)
def _tree(source: str, flags: int) -> Any:
    """The pattern's parse tree, read once for the derived pre-checks."""
    return _sre_parse.parse(source, flags)


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings of which any match of ``pattern`` contains at least one.

    None when no useful set exists (the rule must always be tried). Derived from
    the pattern's parse tree, so it holds for every string the pattern matches:
    checking ``any(s in text.lower() for s in result)`` before the regex never
    rejects a match.

    >>> sorted(required_literals(re.compile(r"^(?:moved|proposed)\\s+by\\b", re.I)))
    ['moved', 'proposed']
    >>> required_literals(re.compile(r"^\\d+\\.\\s+\\S")) is None
    True
    """
    tree = _tree(pattern.pattern, pattern.flags)
    found = _required(tree)
    found = frozenset(s.strip() for s in found) if found else None
    if not found or _quality(found) < MIN_LITERAL:
        return None
    # Lower-casing: case-insensitive patterns match any case, case-sensitive ones a
    # subset of what the lower-cased check lets through; both are safe.
    return frozenset(s.lower() for s in found)


FIRST_LIMIT = 200
"""A first-character set larger than this is no cheaper to test than the regex."""
_CATEGORY_CHARS = {
    "CATEGORY_DIGIT": "0123456789",
    "CATEGORY_SPACE": " \t\n\r\f\v",
}


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    r"""The characters a match of ``pattern`` at a text's start can begin with (None: any).

    >>> sorted(first_chars(re.compile(r"^\(?\d")))[:3]
    ['(', '0', '1']
    >>> first_chars(re.compile(r"^resolved", re.I)) == frozenset("rR")
    True
    """
    items, can_empty = first_items(_tree(pattern.pattern, pattern.flags))
    if items is None or can_empty:
        return None
    chars: set[str] = set()
    for kind, value in items:
        if kind == "lit":
            chars.add(chr(value))
        elif kind == "range" and value[1] - value[0] <= FIRST_LIMIT:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        elif kind == "cat" and value in _CATEGORY_CHARS:
            chars.update(_CATEGORY_CHARS[value])
        else:
            return None
    found = frozenset(chars)
    if len(found) > FIRST_LIMIT:
        return None
    if pattern.flags & re.IGNORECASE:
        found = frozenset(found | {c.swapcase() for c in found} | {c.lower() for c in found} | {c.upper() for c in found})
    return found


def _trie_pattern(literals: Iterable[str]) -> str:
    """One regex matching any of ``literals``, shaped as a trie (longest first).

    A flat alternation tries every literal at every position; the trie tries one
    branch per distinct next character, so a scan costs the depth of the longest
    literal, not the number of literals.

    >>> re.fullmatch(_trie_pattern(["moved", "move", "mover", "by"]), "mover") is not None
    True
    >>> re.match(_trie_pattern(["move", "moved"]), "moved by").group(0)
    'moved'
    """
    trie: dict[str, Any] = {}
    for lit in literals:
        node = trie
        for ch in lit:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a literal ends here: the longer ones are tried first
            return "(?:" + body + ")?"
        return body

    return emit(trie)


MAX_REACH = 400
"""A pattern that can match more characters than this is searched over the whole text."""


def end_reach(pattern: re.Pattern[str]) -> int | None:
    r"""How far from the text's end a match of ``pattern`` can start, when every match ends the text.

    A search for a pattern anchored at the end (``...$``) whose matches are at most N
    characters long only needs to look at the last N characters.

    >>> end_reach(re.compile(r",\s?\d{1,6}\s?KB$"))
    11
    >>> end_reach(re.compile(r"held\s+on\b")) is None
    True
    """
    tree = _tree(pattern.pattern, pattern.flags)
    nodes = list(tree)
    if not nodes or nodes[-1] != (_OPS.AT, _OPS.AT_END):
        return None
    width = int(tree.getwidth()[1])
    return width if width <= MAX_REACH else None


class _LiteralIndex:
    """Every rule's pre-check literals, found in a text with one scan.

    Each rule constructed in the process owns one bit. A scan finds the literals present
    (a look-ahead trie, longest first; each literal found stands for every registered
    literal it contains) and returns the bits of the rules whose pre-check they pass.
    """

    def __init__(self) -> None:
        self.literals: dict[str, int] = {}
        self.rules = 0
        self._regex: re.Pattern[str] | None = None
        self._covers: dict[str, int] = {}

    def add(self, literals: Iterable[str], bit: int) -> None:
        """Register a rule's literals under its bit."""
        for lit in literals:
            self.literals[lit] = self.literals.get(lit, 0) | bit
        self.rules |= bit
        self._regex = None
        self.scan.cache_clear()

    def _build(self) -> re.Pattern[str]:
        covers: dict[str, int] = {}
        for lit in self.literals:
            mask = 0
            for other, bits in self.literals.items():
                if other in lit:
                    mask |= bits
            covers[lit] = mask
        self._covers = covers
        return re.compile("(?=(" + _trie_pattern(self.literals) + "))")

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one index for the process, cleared when literals change
    def scan(self, lowered: str) -> int:
        """The bits of the rules one of whose literals is present in ``lowered``."""
        if self._regex is None:
            self._regex = self._build()
        found = 0
        covers = self._covers
        for m in self._regex.finditer(lowered):
            found |= covers[m.group(1)]
        return found


def present(lowered: str) -> int:
    """The bits of the rules (of every family) one of whose pre-check literals ``lowered`` holds."""
    return LITERALS.scan(lowered)


_BITS = itertools.count()


def _next_bit() -> int:
    return 1 << next(_BITS)


LITERALS = _LiteralIndex()
"""The pre-check literals of every rule constructed in this process."""


@attrs.frozen(kw_only=False)
class Rule:
    """One named way of writing one thing, with its examples.

    ``examples`` must match (each may be a string, or a ``(string, fields)`` pair
    whose fields the match must yield); ``counter`` must not. ``search`` rules look
    anywhere in the text; the others match at its start.
    """

    name: str
    """Short kebab-case name, unique within its registry."""
    doc: str
    """The phenomenon, in general words."""
    pattern: re.Pattern[str]
    """Compiled once, at import; linear on any input."""
    examples: tuple[str | tuple[str, Mapping[str, Any]], ...] = ()
    """Lines the rule must match, in several wordings (not copied from one page)."""
    counter: tuple[str, ...] = ()
    """Look-alike lines the rule must not match."""
    accept: Accept | None = None
    """Optional check on a match; returns the fields, or None to refuse."""
    search: bool = False
    """Match anywhere (``pattern.search``) instead of at the start."""
    data: Mapping[str, Any] = attrs.field(factory=dict)
    """Constant fields the rule yields (a section name, a page kind, a scheme)."""
    where: str = ""
    """Where the wording is used (systems, countries), for the catalogue."""
    prefilter: frozenset[str] | None = attrs.field(init=False)
    """Derived from ``pattern``: literals one of which every match contains."""
    first: frozenset[str] | None = attrs.field(init=False)
    """Derived from ``pattern``: the characters a match at the text's start begins with
    (None for ``search`` rules and patterns that can begin with anything)."""

    searcher: re.Pattern[str] = attrs.field(init=False, eq=False, repr=False)
    """``pattern`` as searched: for ``search`` rules, led by a look-ahead of the characters a
    match starts with (:func:`..regexes.guard`; the same matches, found sooner)."""

    @searcher.default
    def _derive_searcher(self) -> re.Pattern[str]:
        return guard(self.pattern) if self.search else self.pattern

    reach: int | None = attrs.field(init=False)
    """Derived from ``pattern`` for ``search`` rules anchored at the end: how far back from the
    text's end a match can start (the search starts there)."""

    @reach.default
    def _derive_reach(self) -> int | None:
        return end_reach(self.pattern) if self.search else None

    @prefilter.default
    def _derive(self) -> frozenset[str] | None:
        return required_literals(self.pattern)

    @first.default
    def _derive_first(self) -> frozenset[str] | None:
        return None if self.search else first_chars(self.pattern)

    bit: int = attrs.field(init=False, factory=_next_bit, eq=False, repr=False)
    """This rule's bit in the literal index (one per rule constructed in the process)."""

    def __attrs_post_init__(self) -> None:
        if self.prefilter:
            LITERALS.add(self.prefilter, self.bit)

    def allows(self, lowered: str) -> bool:
        """The cheap test: can the pattern match ``lowered`` (the lower-cased text)?"""
        if self.prefilter is not None and not self.bit & LITERALS.scan(lowered):
            return False
        first = self.first
        return first is None or (bool(lowered) and (lowered[0] in first or lowered[0].upper() in first))

    def match(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """The pattern's match in ``text`` (after the pre-check), or None."""
        if not self.allows(text.lower() if lowered is None else lowered):
            return None
        return self.find(text)

    def find(self, text: str) -> re.Match[str] | None:
        """The pattern's match in ``text`` (no pre-check): at its start, or searched."""
        if not self.search:
            return self.pattern.match(text)
        return self.searcher.search(text, max(0, len(text) - self.reach)) if self.reach is not None else self.searcher.search(text)

    def fields(self, text: str, lowered: str | None = None) -> dict[str, Any] | None:
        """The fields this rule yields for ``text``, or None when it does not apply."""
        if not self.allows(text.lower() if lowered is None else lowered):
            return None
        return self.apply(text)

    def apply(self, text: str) -> dict[str, Any] | None:
        """The fields the pattern yields for ``text`` (no pre-check), or None."""
        m = self.find(text)
        return None if m is None else self.read(m, text)

    def read(self, m: re.Match[str], text: str) -> dict[str, Any] | None:
        """The fields a match yields (the ``accept`` hook's, or the named groups), or None."""
        if self.accept is not None:
            got = self.accept(m, text)
            if got is None:
                return None
            out = dict(self.data)
            out.update(got)
        else:
            out = dict(self.data)
            out.update({k: v for k, v in m.groupdict().items() if v is not None})
        out.setdefault("_start", m.start())
        out.setdefault("_end", m.end())
        return out


PLAN_CACHE = 4096
"""Distinct (literals present, first character) combinations remembered per ruler."""


@attrs.define(slots=True)
class _Plan:
    """A ruler's enabled rules and, per combination of literal bits present and first
    character, the rules worth trying (most lines share a handful of combinations)."""

    rules: tuple[Rule, ...]
    literal_bits: int
    """The bits of the rules with a literal pre-check."""
    cache: dict[tuple[int, str], tuple[Rule, ...]] = attrs.field(factory=dict)

    def pick(self, present: int, head: str) -> tuple[Rule, ...]:
        """The enabled rules, in order, whose pre-checks pass."""
        key = (present & self.literal_bits, head)
        found = self.cache.get(key)
        if found is None:
            if len(self.cache) >= PLAN_CACHE:
                self.cache.clear()
            found = self.cache[key] = tuple(r for r in self.rules if _passes(r, present, head))
        return found


def _passes(rule: Rule, present: int, head: str) -> bool:
    if rule.prefilter is not None and not rule.bit & present:
        return False
    first = rule.first
    return first is None or (bool(head) and (head in first or head.lower() in first or head.upper() in first))


class Ruler:
    """An ordered registry of rules; the first that applies wins.

    >>> ruler = Ruler("demo", [Rule("a", "A", re.compile("^a")), Rule("b", "B", re.compile("^b"))])
    >>> ruler.insert_before("b", Rule("ab", "AB", re.compile("^ab")))
    >>> [r.name for r in ruler]
    ['a', 'ab', 'b']
    >>> ruler.disable("a"); ruler.first("ab x")[0].name
    'ab'
    """

    def __init__(self, family: str, rules: Iterable[Rule] = ()) -> None:
        self.family = family
        """What the rules recognise ("section", "vote", ...)."""
        self._rules: list[Rule] = []
        self._disabled: set[str] = set()
        self._plan: _Plan | None = None
        for rule in rules:
            self.append(rule)

    def _changed(self) -> None:
        self._plan = None

    def _candidates(self, text: str, lowered: str, present: int | None = None) -> tuple[Rule, ...]:
        """The enabled rules whose pre-checks pass on ``text``, in order (one literal scan,
        or none when the caller passes the scan's result as ``present``)."""
        plan = self._plan
        if plan is None:
            enabled = tuple(r for r in self._rules if r.name not in self._disabled)
            bits = 0
            for rule in enabled:
                if rule.prefilter is not None:
                    bits |= rule.bit
            plan = self._plan = _Plan(enabled, bits)
        if present is None:
            present = LITERALS.scan(lowered) if plan.literal_bits else 0
        head = text[:1]
        found = plan.cache.get((present & plan.literal_bits, head))
        return found if found is not None else plan.pick(present, head)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def names(self) -> list[str]:
        """Rule names in order."""
        return [r.name for r in self._rules]

    def get(self, name: str) -> Rule:
        """The rule named ``name``."""
        for rule in self._rules:
            if rule.name == name:
                return rule
        raise KeyError(f"no {self.family} rule named {name!r}")

    def _index(self, name: str) -> int:
        for index, rule in enumerate(self._rules):
            if rule.name == name:
                return index
        raise KeyError(f"no {self.family} rule named {name!r}")

    def append(self, rule: Rule) -> None:
        """Add ``rule`` last."""
        if any(r.name == rule.name for r in self._rules):
            raise ValueError(f"{self.family} rule {rule.name!r} is already registered")
        self._rules.append(rule)
        self._changed()

    def insert_before(self, name: str, rule: Rule) -> None:
        """Add ``rule`` just before the rule named ``name``."""
        self.append(rule)
        self._rules.pop()
        self._rules.insert(self._index(name), rule)
        self._changed()

    def insert_after(self, name: str, rule: Rule) -> None:
        """Add ``rule`` just after the rule named ``name``."""
        self.append(rule)
        self._rules.pop()
        self._rules.insert(self._index(name) + 1, rule)
        self._changed()

    def disable(self, name: str) -> None:
        """Stop using the rule named ``name`` (it stays listed)."""
        self._index(name)
        self._disabled.add(name)
        self._changed()

    def enable(self, name: str) -> None:
        """Use the rule named ``name`` again."""
        self._index(name)
        self._disabled.discard(name)
        self._changed()

    def enabled(self) -> list[Rule]:
        """The rules in use, in order."""
        return [r for r in self._rules if r.name not in self._disabled]

    def first(self, text: str, lowered: str | None = None, present: int | None = None) -> tuple[Rule, dict[str, Any]] | None:
        """The first enabled rule that applies to ``text`` and its fields, or None.

        ``lowered`` and ``present`` (:func:`present`'s result) save work when one text is
        offered to several rulers."""
        low = text.lower() if lowered is None else lowered
        for rule in self._candidates(text, low, present):
            m = rule.find(text) if rule.search else rule.pattern.match(text)
            if m is not None:
                found = rule.read(m, text)
                if found is not None:
                    return rule, found
        return None

    def all(self, text: str, lowered: str | None = None, present: int | None = None) -> list[tuple[Rule, dict[str, Any]]]:
        """Every enabled rule that applies to ``text``, in order."""
        low = text.lower() if lowered is None else lowered
        out = []
        for rule in self._candidates(text, low, present):
            m = rule.find(text) if rule.search else rule.pattern.match(text)
            if m is not None:
                found = rule.read(m, text)
                if found is not None:
                    out.append((rule, found))
        return out
