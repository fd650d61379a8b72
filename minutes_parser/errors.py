"""Error types raised by :func:`minutes_parser.parse`."""

from __future__ import annotations

from collections.abc import Sequence


class ParseError(ValueError):
    """A page could not be turned into a :class:`~minutes_parser.Document`."""


class UnrecognizedPage(ParseError):
    """No adapter recognised the page as a council democracy page.

    ``scores`` holds ``(adapter name, confidence)`` for every adapter tried.

    >>> UnrecognizedPage("a news article", [("text", 0.1)]).scores
    (('text', 0.1),)
    """

    def __init__(self, seen: str, scores: Sequence[tuple[str, float]] = ()) -> None:
        self.seen = seen
        self.scores = tuple(scores)
        tried = ", ".join(f"{name}={score:.2f}" for name, score in self.scores) or "none"
        super().__init__(f"not a council democracy page ({seen}); adapters tried: {tried}")

    def __reduce__(self) -> tuple[type[UnrecognizedPage], tuple[str, tuple[tuple[str, float], ...]]]:
        """Pickle with the original arguments (results cross process boundaries)."""
        return (type(self), (self.seen, self.scores))


class InternalError(ParseError):
    """A bug inside the parser, not a problem with the page.

    :func:`~minutes_parser.parse` turns any unexpected exception into this
    error so that callers only ever catch :class:`ParseError`; the original
    exception is chained as ``__cause__``. Please report it with the page.

    >>> try:
    ...     raise InternalError("could not parse page: KeyError: 'x'") from KeyError("x")
    ... except ParseError as exc:
    ...     type(exc.__cause__).__name__
    'KeyError'
    """
