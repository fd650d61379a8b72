"""The minutes grammar shared by every adapter (see :mod:`.assemble`)."""

from .assemble import Context, Trace, TraceLine, build_document, trace

__all__ = ["Context", "Trace", "TraceLine", "build_document", "trace"]
