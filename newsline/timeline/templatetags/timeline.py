import json
import re

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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


# What may not appear raw inside <script>: "<" (a "</script>" or "<!--" in a title
# would end or change the element), ">" and "&" as Django's json_script does, and the
# invisible direction and line-separator controls (kept out of the page source, where
# a view-source reader or a copy would meet them unisolated).
_SCRIPT_UNSAFE = re.compile("[<>&\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape_char(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04X}"


@register.filter(is_safe=True)
def chart_json(value, element_id: str):
    """``{{ figure|chart_json:"chart-data" }}``: Django's ``json_script``, faster and
    smaller for Arabic. ``json_script`` writes every Arabic letter as a 6-byte
    ``\\uXXXX`` escape and escapes with ``str.translate`` character by character
    (~19 ms for a 100k-event overview figure, bench/run.py); this keeps the letters
    (2 bytes in UTF-8) and escapes the same characters, and bidi controls, by a regex."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    text = _SCRIPT_UNSAFE.sub(_escape_char, text)
    return format_html(
        '<script id="{}" type="application/json">{}</script>', element_id, mark_safe(text)
    )
