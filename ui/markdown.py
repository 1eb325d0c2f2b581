"""Agent and catalog text shown through Markdown: "US$ … US$" must not turn into a formula."""

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)
