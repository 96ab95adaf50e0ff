"""What the languages floor tells the floors above, which it cannot import."""

from django.dispatch import Signal

# A translation of ``instance`` (a model instance of class ``sender``) into ``language`` was
# saved for ``fields``: projects reindex their search text, for instance.
translation_saved = Signal()
