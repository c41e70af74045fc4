"""Demo data: the fictional municipality Exempelstad and a year (or a stream) of its protocols."""

from protokoll.demo.generate import generate, iter_document_dicts, iter_documents

__all__ = ["generate", "iter_document_dicts", "iter_documents"]
