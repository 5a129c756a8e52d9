"""The chart's data island (``chart_json``): inert in the page, the same data back."""

import json
import re

from newsline.timeline.templatetags.timeline import chart_json

HOSTILE = "اجتماع </script><script>alert(1)</script> <!-- & \u202eسري\u2066 \u2028"


def _island(value) -> tuple[str, str]:
    html = str(chart_json(value, "chart-data"))
    match = re.fullmatch(
        r'<script id="chart-data" type="application/json">(.*)</script>', html, re.S
    )
    assert match, html
    return html, match.group(1)


def test_reads_back_as_the_same_data():
    figure = {"data": [{"text": [HOSTILE], "x": ["2016-09-09"], "size": [10.5]}], "n": None}
    _html, body = _island(figure)
    assert json.loads(body) == figure


def test_nothing_in_it_can_end_the_element_or_reorder_the_page():
    _html, body = _island({"title": HOSTILE})
    for raw in ("<", ">", "&", "\u202e", "\u2066", "\u2028"):
        assert raw not in body
    assert "\\u003C/script\\u003E" in body


def test_arabic_letters_stay_letters():
    # json_script wrote each letter as a six-byte \\uXXXX escape.
    _html, body = _island({"title": "جنيف"})
    assert "جنيف" in body
