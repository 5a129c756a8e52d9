"""Admin forms for curation: the event editor, the gazetteer editors, merge and upload."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .curation import CURATABLE_FIELDS
from .models import Actor, Event, Place


class SpellingsField(forms.Field):
    """A JSON list of Arabic spellings edited as a textarea, one spelling per line.

    Blank lines and repeats are dropped; order is kept (the first is the usual one).
    """

    widget = forms.Textarea(attrs={"rows": 6, "cols": 40, "dir": "rtl", "lang": "ar"})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(v) for v in value)
        return value or ""

    def to_python(self, value) -> list[str]:
        lines = value if isinstance(value, list | tuple) else (value or "").splitlines()
        out: list[str] = []
        for line in lines:
            spelling = " ".join(str(line).split())
            if spelling and spelling not in out:
                out.append(spelling)
        return out

    def has_changed(self, initial, data) -> bool:
        return self.to_python(initial) != self.to_python(data)


_SPELLINGS_HELP = _(
    "One Arabic spelling per line. The extractor recognises each of them "
    "(alef forms, ta marbuta and diacritics are folded, so أ/ا need not both be listed)."
)


class ActorForm(forms.ModelForm):
    aliases = SpellingsField(label=_("Arabic spellings"), required=False, help_text=_SPELLINGS_HELP)

    class Meta:
        model = Actor
        fields = "__all__"
        widgets = {
            "name_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "roles": forms.Textarea(attrs={"rows": 4, "cols": 60, "dir": "ltr"}),
        }


class PlaceForm(forms.ModelForm):
    aliases = SpellingsField(label=_("Arabic spellings"), required=False, help_text=_SPELLINGS_HELP)
    cue_only_aliases = SpellingsField(
        label=_("Spellings that are also common words"),
        required=False,
        help_text=_("One per line; matched only after a locative word (في، على، مدينة)."),
    )

    class Meta:
        model = Place
        fields = "__all__"
        widgets = {"name_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"})}


def _curatable_label(name: str) -> str:
    if name == "mentions":
        return _("evidence (merged or split by a curator)")
    return Event._meta.get_field(name).verbose_name


class EventForm(forms.ModelForm):
    curated_fields = forms.MultipleChoiceField(
        label=_("Protected from re-extraction"),
        choices=lambda: [(f, _curatable_label(f)) for f in CURATABLE_FIELDS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Fields a curator edited; re-extraction never overwrites them. "
            "Editing a field ticks it; untick to let the extractor update it again."
        ),
    )

    class Meta:
        model = Event
        fields = "__all__"
        widgets = {
            "title_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar", "size": 80}),
            "title_en": forms.TextInput(attrs={"size": 80}),
        }


class MergeForm(forms.Form):
    """Pick the surviving event among the selected ones."""

    survivor = forms.ModelChoiceField(
        queryset=Event.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label=_("Event that survives"),
    )

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = events


class UploadForm(forms.Form):
    """One article: pasted text or a .txt/.html file, with what the page may not say."""

    text = forms.CharField(
        label=_("Paste the article"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 90, "dir": "auto"}),
        help_text=_("Plain text or HTML. Leave empty when uploading a file."),
    )
    file = forms.FileField(
        label=_("…or upload a file"),
        required=False,
        help_text=_("A saved web page (.html) or a text file (.txt)."),
    )
    url = forms.URLField(label=_("URL"), required=False, assume_scheme="https")
    publisher = forms.CharField(label=_("Publisher"), required=False, max_length=200)
    published = forms.DateField(
        label=_("Published on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Needed to date 'yesterday' and weekdays when the page does not say."),
    )

    SUFFIXES = (".txt", ".html", ".htm")

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and not upload.name.lower().endswith(self.SUFFIXES):
            raise forms.ValidationError(_("Upload a .txt or .html file."))
        return upload

    def clean(self):
        data = super().clean()
        text, upload = (data.get("text") or "").strip(), data.get("file")
        if "file" in self.errors:
            return data
        if bool(text) == bool(upload):
            raise forms.ValidationError(_("Paste the text or upload a file (one of the two)."))
        return data

    def document(self) -> tuple[bytes, str]:
        """The uploaded bytes and their origin (the file name, or a name for pasted text)."""
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.read(), upload.name
        text = self.cleaned_data["text"].strip()
        looks_html = text[:200].lstrip().lower().startswith(("<!doctype", "<html"))
        return text.encode("utf-8"), "pasted.html" if looks_html else "pasted.txt"
