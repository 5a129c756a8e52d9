from django import template
from django.urls import translate_url

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


@register.simple_tag(takes_context=True)
def translated_url(context, language: str) -> str:
    """The current page (path and query) in another interface language."""
    request = context.get("request")
    if request is None:
        return "/"
    return translate_url(request.get_full_path(), language)
