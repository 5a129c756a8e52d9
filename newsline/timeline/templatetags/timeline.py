from django import template

from newsline.timeline import display

register = template.Library()


@register.filter
def localized(obj, field: str = ""):
    """``{{ event|localized }}`` → the title in the interface language;
    ``{{ actor|localized }}`` → the name."""
    return display.localized(obj, field)


@register.filter
def when(event):
    """``{{ event|when }}`` → "8–9 September 2016", "September 2016", …"""
    return display.when(event)
