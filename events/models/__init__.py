from .agenda import AgendaItem
from .event import Event
from .registration import CalendarFeedToken, Registration

__all__ = ["AgendaItem", "CalendarFeedToken", "Event", "Registration"]
