class TranslationUnavailable(Exception):
    """No usable translation now: the engine is down, slow, overloaded or answered nonsense.
    ``reason`` says which; trying again later may work."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class TranslationRefused(TranslationUnavailable):
    """The engine refuses the request itself (wrong key, unsupported language, quota used up):
    trying again soon will not help."""
