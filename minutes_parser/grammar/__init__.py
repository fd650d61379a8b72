"""The minutes grammar shared by every adapter (see :mod:`.assemble`)."""

from .assemble import Context, build_document

__all__ = ["Context", "build_document"]
