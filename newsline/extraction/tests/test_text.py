"""Page cleaning, input validation and sentence splitting (newsline.extraction.text)."""

import codecs
import json
from datetime import date
from pathlib import Path

import pytest

from newsline.extraction.normalize import clean_whitespace
from newsline.extraction.text import (
    MAX_BYTES,
    CleanPage,
    InputError,
    clean_document,
    clean_html,
    clean_plain_text,
    split_sentences,
)

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "demo" / "seeds"
GOLD = json.loads((ROOT / "demo" / "seeds.gold.json").read_text(encoding="utf-8"))
FIXTURES = Path(__file__).parent / "fixtures"
SEED_FILES = sorted(p.name for p in SEEDS.glob("0*.txt"))
# Headings after which a seed page has only lists, comments and other stories.
SEED_END_HEADINGS = ("أخبار ذات صلة", "التعليقات", "المصدر:")


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def lines_after_end_marker(raw: str) -> list[str]:
    lines = [line.strip() for line in raw.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith(SEED_END_HEADINGS))
    return [line.strip(" •…") for line in lines[start + 1 :] if len(line.split()) >= 3]


# ------------------------------------------------------------------------- seeds


@pytest.mark.parametrize("name", SEED_FILES)
def test_no_related_news_headline_survives_cleaning(name):
    raw = seed(name)
    page = clean_plain_text(raw)
    for headline in lines_after_end_marker(raw):
        assert clean_whitespace(headline) not in page.body, headline


@pytest.mark.parametrize("name", SEED_FILES)
def test_every_gold_evidence_sentence_survives_cleaning(name):
    page = clean_plain_text(seed(name))
    article = next(a for a in GOLD["articles"] if a["file"] == name)
    for event in article["events"]:
        assert clean_whitespace(event["evidence"]) in page.body, event["id"]


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_navigation_and_story_lists_are_dropped(name):
    body = clean_plain_text(seed(name)).body
    for junk in ("الرئيسية »", "View on", "أين يمكنك متابعتنا", "90 دقيقة", "Stories", "•"):
        assert junk not in body
    assert all(p == p.strip() and p for p in body.split("\n\n"))


def test_seed_headlines_are_found():
    titles = {name: clean_plain_text(seed(name)).title for name in SEED_FILES}
    assert titles["001_6d63030700cd6d69.txt"].startswith("المجموعة الدولية لدعم سوريا تبدأ")
    assert titles["002_c2bff6950b03e632.txt"].startswith("واشنطن تعترف بوصولها المتأخر")
    assert titles["003_e54ca89d3201dbba.txt"] == "كيري: المحادثات مع الروس حول سوريا جادة وبناءة"
    # Almaghribtoday saves the photo caption where the headline would be.
    assert titles["004_04d52933f8dd98a8.txt"].startswith("وزير الخارجية الروسي، سيرجي لافروف")


def test_repeated_headline_is_not_in_the_body():
    page = clean_plain_text(seed("003_e54ca89d3201dbba.txt"))
    assert page.title not in page.body
    assert "POOL New / Reuters" not in page.body  # photo caption


def test_lead_paragraph_with_unconfirmed_meeting_survives():
    body = clean_plain_text(seed("004_04d52933f8dd98a8.txt")).body
    first = body.split("\n\n")[0]
    assert first.startswith("أعلنت موسكو أن وزير الخارجية الروسي")
    assert first.endswith("في لقاء لم تؤكده واشنطن.")


def test_seed_language_is_arabic_and_bodies_are_whitespace_clean():
    for name in SEED_FILES:
        page = clean_plain_text(seed(name))
        assert page.language == "ar"
        assert page.body == clean_whitespace(page.body)
        assert "\n\n\n" not in page.body


# ------------------------------------------------------------- other plain layouts


def test_egyptian_page_keeps_alef_maqsura_spellings_and_skips_read_also_block():
    page = clean_plain_text(fixture("egypt_youm.txt"))
    assert page.title == "كيرى ولافروف يتفقان فى جنيف على هدنة جديدة فى سوريا"
    assert "وزير الخارجية الأمريكى جون كيرى ونظيره الروسى" in page.body
    assert "مصر ترحب بأى جهد دولى" not in page.body
    assert "لحظة وصول كيرى" not in page.body
    # The article goes on after the "اقرأ أيضا" insert.
    assert "وأكد الوزير الروسى أن الحكومة السورية" in page.body
    assert "الأكثر قراءة" not in page.body and "الأرصاد" not in page.body
    assert "جميع الحقوق محفوظة" not in page.body
    assert "كتب أحمد منصور" not in page.body
    assert page.published == date(2016, 9, 9)


def test_short_quote_paragraph_between_body_paragraphs_survives():
    egypt = clean_plain_text(fixture("egypt_youm.txt")).body
    assert "وأضاف: «الاتفاق سيسمح بتوسيع وصول المساعدات»." in egypt.split("\n\n")
    gulf = clean_plain_text(fixture("gulf_site.txt")).body
    assert "«هذا عار»." in gulf.split("\n\n")


def test_gulf_page_drops_most_read_sidebar_above_article_and_comments():
    page = clean_plain_text(fixture("gulf_site.txt"))
    assert page.title == "مجلس الأمن يعقد جلسة طارئة بشأن حلب"
    assert page.body.startswith("عقد مجلس الأمن الدولي، أمس السبت، جلسة طارئة")
    assert "وفاة فنان خليجي" not in page.body
    assert "روسيا: لا بديل عن الاتفاق" not in page.body
    assert "الله يحمي أهل حلب" not in page.body  # a comment, though a full sentence
    assert "مجلس الأمن لا يفعل شيئا" not in page.body


def test_plain_text_dateline_prefers_published_over_updated():
    assert clean_plain_text(fixture("gulf_site.txt")).published == date(2016, 9, 25)


def test_maghrebi_page_with_moroccan_month_names():
    page = clean_plain_text(fixture("maghreb_site.txt"))
    assert page.title == "دي ميستورا يعلن استئناف المفاوضات السورية في جنيف"
    assert page.published == date(2016, 9, 14)
    assert "Accueil" not in page.body and "هسبريس" not in page.body
    assert "المغرب يرحب باتفاق الهدنة" not in page.body
    assert page.body.count("\n\n") == 3


def test_english_page():
    page = clean_plain_text(fixture("english_site.txt"))
    assert page.language == "en"
    assert page.title == "Kerry and Lavrov agree on Syria truce after marathon talks in Geneva"
    assert page.published == date(2016, 9, 10)
    assert page.body.startswith("U.S. Secretary of State John Kerry")
    assert "Getty Images" not in page.body and "Share on" not in page.body
    assert "Aleppo residents brace" not in page.body
    assert "best news in months" not in page.body


def test_ambiguous_or_missing_dateline_gives_no_date():
    assert clean_plain_text(seed("000_50622e95ced29f86.txt")).published is None
    # Two different bare datelines: which one is the publication date?
    two_dates = "الخميس 08 سبتمبر 2016\n" + fixture("egypt_youm.txt")
    assert clean_plain_text(two_dates).published is None


def test_subheading_that_starts_like_a_marker_does_not_end_the_article():
    raw = fixture("gulf_site.txt").replace("«هذا عار».", "التعليقات الدولية على الجلسة\n«هذا عار».")
    page = clean_plain_text(raw)
    assert "وانسحب مندوبو بريطانيا" in page.body
    assert "التعليقات الدولية" not in page.body


def test_plain_text_bidi_controls_and_markup_are_removed():
    raw = (
        "عنوان الخبر عن المحادثات في جنيف\n"
        "قال المتحدث إن \u202eالمحادثات ستستأنف الأسبوع المقبل في جنيف <script>x()</script>.\n"
    )
    page = clean_plain_text(raw)
    assert "\u202e" not in page.body and "<script" not in page.body
    assert "المحادثات ستستأنف الأسبوع المقبل في جنيف" in page.body


# ----------------------------------------------------------------------------- HTML


def test_html_metadata_title_canonical_publisher_and_published_date():
    page = clean_html(fixture("news_page.html"), url="https://example.org/shared-link")
    assert page.title == "لافروف وكيري يتفقان على خطة لوقف إطلاق النار في سوريا"
    assert page.url == "https://www.alsharq-news.example/world/2016/09/10/lavrov-kerry-geneva-deal"
    assert page.publisher == "الشرق الإخبارية"
    # Published 2016-09-10, modified 2017-03-02: the published date wins.
    assert page.published == date(2016, 9, 10)
    assert page.language == "ar"


def test_html_body_has_article_only():
    body = clean_html(fixture("news_page.html")).body
    assert body.startswith("أعلن وزير الخارجية الأمريكي جون كيري ونظيره الروسي")
    assert "«إنها فرصة»." in body.split("\n\n")
    for junk in (
        "عربي ودولي",  # nav
        "كيري ولافروف خلال المؤتمر الصحفي",  # caption
        "لا أثق في أنه سيصمد",  # comment
        "ارتفاع أسعار الذهب",  # aside
        "جميع الحقوق محفوظة",  # footer
        "حلب تحت الحصار من جديد",  # read-also
        "tracking pixel",
        "فيسبوك",
    ):
        assert junk not in body, junk


def test_hostile_markup_is_inert():
    page = clean_html(fixture("news_page.html"))
    for text in (page.body, page.title):
        assert "<script" not in text.lower()
        assert "javascript:" not in text.lower()
        assert "<" not in text and ">" not in text
        assert "\u202e" not in text
    assert "ترحب بالاتفاق وتأمل أن يفتح الطريق" in page.body


def test_html_without_metadata_takes_no_date_from_related_news():
    page = clean_html(fixture("no_metadata.html"))
    assert page.published is None
    assert page.title == "روسيا تستخدم الفيتو ضد مشروع قرار فرنسي حول حلب"
    assert "تشوركين ينتقد" not in page.body
    assert page.body.count("\n\n") == 2


def test_bare_new_year_date_is_treated_as_unknown():
    html = fixture("no_metadata.html").replace(
        "<head>", '<head><meta property="article:published_time" content="2016-01-01">'
    )
    assert clean_html(html).published is None


def test_html_json_ld_date_when_no_open_graph():
    html = fixture("no_metadata.html").replace(
        "<head>",
        '<head><script type="application/ld+json">{"@context":"https://schema.org",'
        '"@graph":[{"@type":"NewsArticle","datePublished":"2016-10-08T20:10:00Z",'
        '"dateModified":"2016-10-09T08:00:00Z","publisher":{"name":"الخبر"}}]}</script>',
    )
    page = clean_html(html)
    assert page.published == date(2016, 10, 8)
    assert page.publisher == "الخبر"


def test_legacy_table_layout_falls_back_to_block_text():
    page = clean_html(fixture("legacy_table.html"))
    assert page.title == "الأسد يستقبل المبعوث الأممي في دمشق"
    assert page.body.startswith("استقبل الرئيس السوري بشار الأسد")
    assert page.body.count("\n\n") == 2
    assert "انفجار سيارة مفخخة" not in page.body
    assert "الإبراهيمي يصل إلى دمشق" not in page.body


# ------------------------------------------------------------------ clean_document


def test_document_dispatches_on_extension_and_content():
    html = fixture("news_page.html").encode()
    assert clean_document(html, "page.html").url.startswith("https://www.alsharq-news")
    assert clean_document(html, "saved").url.startswith("https://www.alsharq-news")
    text = seed("003_e54ca89d3201dbba.txt").encode()
    page = clean_document(text, "article.txt", url="https://arabic.rt.com/news/811896")
    assert page.title == "كيري: المحادثات مع الروس حول سوريا جادة وبناءة"
    assert page.url == "https://arabic.rt.com/news/811896"


def test_document_decodes_windows_1256_with_meta_charset():
    data = fixture("legacy_table.html").encode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    page = clean_document(data, "legacy.htm")
    assert page.title == "الأسد يستقبل المبعوث الأممي في دمشق"
    assert "الأخضر الإبراهيمي" in page.body


def test_document_decodes_windows_1256_plain_text_without_hint():
    page = clean_document(seed("004_04d52933f8dd98a8.txt").encode("cp1256"), "a.txt")
    assert "في لقاء لم تؤكده واشنطن." in page.body


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF8, "utf-8"),
    ],
)
def test_document_decodes_unicode_with_byte_order_mark(bom, codec):
    raw = seed("001_6d63030700cd6d69.txt")
    page = clean_document(bom + raw.encode(codec), "a.txt")
    assert page.body == clean_plain_text(raw).body
    assert not page.title.startswith("\ufeff")


def error_of(data: bytes, filename: str = "a.txt") -> str:
    with pytest.raises(InputError) as info:
        clean_document(data, filename)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_empty_file_is_rejected():
    assert error_of(b"") == "The file is empty."
    assert error_of(b"  \n\r\n ") == "The file is empty."


def test_binary_files_are_rejected():
    assert "PDF" in error_of(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a.pdf")
    assert "ZIP" in error_of(b"PK\x03\x04\x14\x00\x06\x00", "a.docx")
    assert "PNG image" in error_of(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "JPEG image" in error_of(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    assert "binary" in error_of("نص عربي".encode() + b"\x00\x01\x02 data")


def test_too_big_file_message_gives_size_and_limit():
    message = error_of(b"a" * (MAX_BYTES + 700_000))
    assert message == "The file is 5.7 MB; the limit is 5.0 MB."


def test_undecodable_bytes_are_rejected():
    message = error_of(bytes(range(0x80, 0x100)) * 20)
    assert message.startswith("Could not decode the file")


def test_russian_and_chinese_pages_are_rejected_by_language():
    russian = (
        "Лавров и Керри провели переговоры в Женеве\n\n"
        "Министр иностранных дел России Сергей Лавров провел переговоры с госсекретарем США.\n"
    )
    assert error_of(russian.encode()) == (
        "The page looks like Russian/Cyrillic text, not an Arabic or English article."
    )
    chinese = (
        "叙利亚问题日内瓦会谈\n\n"
        "俄罗斯外长拉夫罗夫与美国国务卿克里在日内瓦举行会谈，双方讨论了停火问题。\n"
    )
    assert "Chinese" in error_of(chinese.encode())


def test_persian_and_french_pages_are_rejected_by_language():
    persian = (
        "گفتگوی لاوروف و کری در ژنو\n\n"
        "وزیر امور خارجه روسیه با همتای آمریکایی خود در ژنو درباره آتش بس در سوریه گفتگو کرد.\n"
    )
    assert "Persian" in error_of(persian.encode())
    french = (
        "Kerry et Lavrov à Genève\n\n"
        "Le secrétaire d'État américain et le ministre russe des affaires étrangères se sont "
        "rencontrés à Genève pour discuter de la trêve en Syrie et de l'aide humanitaire.\n"
    )
    assert "French" in error_of(french.encode())


def test_page_without_article_text_is_rejected():
    raw = "الرئيسية » أخبار\nأخبار ذات صلة\nعنوان خبر أول عن سوريا\nعنوان خبر ثان عن جنيف…\n"
    assert error_of(raw.encode()).startswith("No article text found")
    assert error_of(b"<html><body><nav>Home</nav></body></html>", "x.html").startswith(
        "No article text found"
    )


def test_clean_document_returns_clean_page():
    page = clean_document(fixture("english_site.txt").encode(), "story.txt")
    assert isinstance(page, CleanPage)
    assert page.language == "en"


# ------------------------------------------------------------------------ sentences


@pytest.mark.parametrize("name", SEED_FILES)
def test_sentence_offsets_round_trip_on_every_seed(name):
    body = clean_plain_text(seed(name)).body
    sentences = split_sentences(body)
    assert sentences
    for s in sentences:
        assert body[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


def test_splits_at_arabic_and_latin_sentence_punctuation():
    body = "هل تصمد الهدنة؟ لا أحد يعرف! قال كيري ذلك. What now? Nothing… وانتهى"
    assert texts(body) == [
        "هل تصمد الهدنة؟",
        "لا أحد يعرف!",
        "قال كيري ذلك.",
        "What now?",
        "Nothing…",
        "وانتهى",
    ]


def test_does_not_split_at_arabic_comma_or_inside_numbers():
    body = "قال كيري، في جنيف، إن السودان يحتاج إلى 4.2 مليار دولار. وأضاف لافروف ذلك."
    assert texts(body) == [
        "قال كيري، في جنيف، إن السودان يحتاج إلى 4.2 مليار دولار.",
        "وأضاف لافروف ذلك.",
    ]


def test_does_not_split_inside_guillemet_quotes_unless_the_quote_ends_the_sentence():
    body = "وقال: «لن نتراجع. سنواصل العمل». ثم غادر القاعة."
    assert texts(body) == ["وقال: «لن نتراجع. سنواصل العمل».", "ثم غادر القاعة."]


def test_does_not_split_after_abbreviations_and_initials():
    body = "التقى د. رياض حجاب مع م. أحمد في جنيف. Then the U.S. envoy met Mr. Lavrov. Done."
    assert texts(body) == [
        "التقى د. رياض حجاب مع م. أحمد في جنيف.",
        "Then the U.S. envoy met Mr. Lavrov.",
        "Done.",
    ]


def test_paragraph_break_and_newline_always_split():
    body = "عنوان بلا نقطة\n\nفقرة أولى بلا نقطة\nسطر آخر"
    sentences = split_sentences(body)
    assert [s.text for s in sentences] == ["عنوان بلا نقطة", "فقرة أولى بلا نقطة", "سطر آخر"]
    assert [body[s.start : s.end] for s in sentences] == [s.text for s in sentences]


def test_double_dot_headline_pause_does_not_split():
    assert texts("سوريا.. قوات الجيش تسيطر على حقول النفط.") == [
        "سوريا.. قوات الجيش تسيطر على حقول النفط."
    ]


def test_very_long_sentence_splits_at_arabic_semicolon():
    part = "وقال المتحدث إن المفاوضات ستستمر في جنيف خلال الأيام المقبلة بمشاركة الأطراف كافة "
    body = (part * 3).strip() + "؛ " + (part * 3).strip() + "."
    sentences = split_sentences(body)
    assert len(body) > 400
    assert len(sentences) == 2
    assert sentences[0].text.endswith("؛")
    assert body[sentences[1].start : sentences[1].end] == sentences[1].text
    short = "قال كيري إن الاتفاق ممكن؛ لكن لافروف رفض."
    assert texts(short) == [short]


def test_split_sentences_on_empty_body():
    assert split_sentences("") == []
    assert split_sentences("\n\n  \n") == []


def test_hijri_agency_dateline_gives_the_publication_date():
    raw = (
        "وكالة الأنباء\nالرئيسية\nمحلي\nدولي\n"
        "اختتام اجتماع المعارضة السورية في الرياض\n"
        "الرياض 28 صفر 1437 هـ واس\n"
        "اختتم اجتماع قوى الثورة والمعارضة السورية في الرياض أعماله اليوم بعد يومين من "
        "المشاورات بمشاركة ممثلين عن الفصائل.\n"
        "// انتهى //\n"
    )
    page = clean_plain_text(raw)
    assert page.published == date(2015, 12, 10)
    assert page.title == "اختتام اجتماع المعارضة السورية في الرياض"


def test_a_paragraph_cut_off_mid_sentence_keeps_its_complete_sentences():
    raw = (
        "أعلن وزير الخارجية الأمريكي أن بلاده وروسيا اتفقتا على خطة جديدة بشأن سوريا بعد "
        "محادثات استمرت ثلاثة أيام في جنيف. وقال إن الخطة تتضمن جدولا زمنيا واضحا لتنفيذها "
        "خلال الأشهر المقبلة. ومن جهته قال الوزير الروسي إن بلاده مستعدة للموافقة على"
    )
    page = clean_plain_text(raw)
    assert page.body.endswith("خلال الأشهر المقبلة.")
    assert "مستعدة" not in page.body


def test_a_teaser_cut_with_an_ellipsis_is_still_dropped():
    raw = (
        "قال وزير الخارجية الروسي إن بلاده ترحب بالاتفاق الذي تم التوصل إليه في جنيف أمس. "
        "وأضاف أن المرحلة المقبلة ستكون صعبة على جميع الأطراف المعنية بالأزمة السورية ..."
    )
    assert clean_plain_text(raw).body == ""


def test_a_source_tag_after_the_last_sentence_does_not_drop_the_paragraph():
    line = "أكد وزير الخارجية السعودي بعد اللقاء اتفاق المشاركين على مواصلة المشاورات. (واس)"
    assert clean_plain_text(line).body == line


def test_a_footnote_digit_glued_to_the_full_stop_does_not_drop_the_paragraph():
    raw = (
        "دمشق-سانا\n\n"
        "استقبل الرئيس بشار الأسد أمس المبعوث الأممي ستافان دي ميستورا والوفد المرافق له.1\n\n"
        "وتناول اللقاء مناقشة مبادرة المبعوث لتجميد القتال في حلب."
    )
    assert "استقبل الرئيس بشار الأسد أمس" in clean_plain_text(raw).body


def test_a_decimal_number_at_the_end_of_a_line_is_no_sentence_end():
    line = "وقال المتحدث إن نسبة المشاركة في التصويت بلغت 2.5"
    assert clean_plain_text(line + "\n\nوأضاف أن الحكومة تدرس النتائج.").body.find(line) == -1


def test_every_month_spelling_of_the_date_tagger_makes_a_dateline():
    raw = (
        "جاكارتا، 7 أوكتوبر 2013\n\n"
        "قال وزير الخارجية الأمريكي خلال مؤتمر صحفي مشترك مع نظيره الروسي إن العملية بدأت.\n"
    )
    page = clean_plain_text(raw)
    assert page.title == ""  # the dateline is not a headline
    assert page.published == date(2013, 10, 7)


def test_a_full_stop_glued_to_the_next_arabic_word_ends_the_sentence():
    body = "لم يتوصل لقاء فيينا أمس إلى إجماع حول مصير الأسد.وفيما أشار الجبير إلى اتفاق."
    assert [s.text for s in split_sentences(body)] == [
        "لم يتوصل لقاء فيينا أمس إلى إجماع حول مصير الأسد.",
        "وفيما أشار الجبير إلى اتفاق.",
    ]
    assert len(split_sentences("قال د.محمد إن الوضع صعب.")) == 1


def test_a_dateline_on_its_own_line_is_kept_as_the_day_of_the_news():
    page = clean_plain_text(
        "جاكارتا، اندونيسيا، 7 أوكتوبر 2013، وكالات-\n\n"
        "قال وزير الخارجية الأمريكي جون كيري خلال مؤتمر صحفي مشترك مع نظيره الروسي "
        "سيرغي لافروف في إندونيسيا إن عملية تدمير الأسلحة الكيميائية في سوريا بدأت.\n"
    )
    assert page.dateline == date(2013, 10, 7)
    assert page.body.startswith("قال وزير الخارجية")


def test_a_page_whose_paragraphs_end_without_full_stops_is_not_refused():
    raw = (
        "لافروف وكيري يبحثان هاتفيا الأزمة السورية\n\n"
        "أعلنت الخارجية الروسية أن وزيري الخارجية الروسي والأمريكي بحثا هاتفيا الوضع في"
        " سوريا وأوضحت الوزارة أن الجانبين اتفقا على استمرار المشاورات حول تسوية الأزمة"
        " السورية في نيويورك\n"
        'فيما قالت الخارجية الاميركية إن كيري نقل خلال الاتصال الهاتفي "القلق الاميركي'
        ' بشأن معلومات عن تعزيزات روسية وشيكة في سوريا وزيادة تدفق اللاجئين"\n'
    )
    page = clean_plain_text(raw)
    assert page.title == "لافروف وكيري يبحثان هاتفيا الأزمة السورية"
    assert page.body.startswith("أعلنت الخارجية الروسية") and "فيما قالت" in page.body


def test_a_long_unpunctuated_line_is_not_body_when_the_page_has_paragraphs():
    raw = (
        "اقرأ أيضا كيري يلتقي لافروف في جنيف لبحث الأزمة السورية ووقف إطلاق النار في حلب"
        " وإدخال المساعدات الإنسانية إلى المناطق المحاصرة ومصير المفاوضات\n\n"
        "قال وزير الخارجية الأمريكي إن المحادثات مع نظيره الروسي كانت بناءة وجادة.\n"
    )
    assert (
        clean_plain_text(raw).body
        == "قال وزير الخارجية الأمريكي إن المحادثات مع نظيره الروسي كانت بناءة وجادة."
    )


def test_a_double_stop_inside_a_paragraph_ends_the_sentence():
    body = (
        "أعلنت الخارجية الروسية أن لافروف وكيري بحثا هاتفيا الوضع في سوريا ومكافحة تنظيم"
        " داعش.. وتناول الوزيران مسائل التعاون من أجل دعم الجهود الأممية الرامية إلى"
        " إيجاد تسوية سياسية في سوريا وفق بيان جنيف."
    )
    assert [s.text.split()[-1] for s in split_sentences(body)] == ["داعش..", "جنيف."]
    headline = "لافروف.. وكيري يبحثان الأزمة السورية"
    assert len(split_sentences(headline)) == 1
