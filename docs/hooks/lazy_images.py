"""Images load when the reader gets near them, and only in the palette shown.

Each figure is on the page twice, ``#only-light`` and ``#only-dark``, one of them
hidden; without ``loading="lazy"`` the browser fetches both, and every figure of
a long page, on the first visit (the capstone's two decision-region drawings
alone were 0.3 MB). With it, hidden images are not fetched and the others are
fetched as they come near the screen.
"""

import re

IMG_WITHOUT_LOADING = re.compile(r"<img(?![^>]*\sloading=)")


def on_page_content(html, page, config, files):
    return IMG_WITHOUT_LOADING.sub('<img loading="lazy"', html)
