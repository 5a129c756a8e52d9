"""Newsline's NLP core: Arabic news article → dated events with evidence.

Plain Python, no Django import, so it can be tested and run on its own
(``python -m newsline.extraction FILE --published YYYY-MM-DD``). Bump
``EXTRACTOR_VERSION`` whenever rules or data change what is extracted, so stored
articles can be re-extracted.
"""

EXTRACTOR_VERSION = "7"
