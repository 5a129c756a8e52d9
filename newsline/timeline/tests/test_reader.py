from types import SimpleNamespace as M

from newsline.timeline.reader import highlight


def test_each_mention_is_marked_with_its_id():
    body = "أولى. الثانية هنا.\n\nثالثة."
    start = body.index("الثانية")
    html = highlight(body, [M(pk=7, char_start=start, char_end=start + 13)])
    assert html == '<p>أولى. <mark id="m-7">الثانية هنا.</mark></p>\n<p>ثالثة.</p>'


def test_everything_is_escaped():
    body = '<script>alert("x")</script> & <b>bold</b>'
    html = highlight(body, [M(pk=1, char_start=0, char_end=8)])
    assert "<script>" not in html and "<b>" not in html
    assert html.startswith('<p><mark id="m-1">&lt;script&gt;</mark>alert(&quot;x&quot;)')


def test_overlapping_mentions_share_one_mark_with_anchors():
    body = "one two three four"
    html = highlight(
        body,
        [
            M(pk=1, char_start=0, char_end=7),
            M(pk=2, char_start=4, char_end=13),
            M(pk=3, char_start=0, char_end=7),
        ],
    )
    assert html == (
        '<p><mark id="m-1"><span class="anchor" id="m-3"></span>one '
        '<span class="anchor" id="m-2"></span>two three</mark> four</p>'
    )


def test_a_mark_across_paragraphs_is_split_and_keeps_its_id_on_the_first_part():
    body = "aaa bbb\n\nccc ddd"
    html = highlight(body, [M(pk=5, char_start=4, char_end=12)])
    assert html == '<p>aaa <mark id="m-5">bbb</mark></p>\n<p><mark>ccc</mark> ddd</p>'


def test_out_of_range_offsets_are_clamped_or_ignored():
    body = "short"
    html = highlight(
        body, [M(pk=1, char_start=2, char_end=99), M(pk=2, char_start=50, char_end=60)]
    )
    assert html == '<p>sh<mark id="m-1">ort</mark></p>'
    assert "m-2" not in html
