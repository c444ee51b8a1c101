"""Theme emphasis: how much of each text is about each theme, and claims per theme."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from gongfu.clean.script import convert
from gongfu.compare.select import UNASSIGNED
from gongfu.extract.sentences import split_sentences
from gongfu.lexicon import THEMES_FILE, load_themes, theme_of


def theme_counts(claims: pd.DataFrame, docs: pd.DataFrame, themes_file: Path = THEMES_FILE) -> pd.DataFrame:
    """Claims per theme (rows, lexicon order, then unassigned) and document (columns, documents.csv order)."""
    theme_ids = [t.theme_id for t in load_themes(themes_file)] + [UNASSIGNED]
    if claims.empty:
        return pd.DataFrame(0, index=theme_ids, columns=list(docs["doc_id"]))
    table = pd.crosstab(claims["theme"], claims["doc_id"])
    return table.reindex(index=theme_ids, columns=list(docs["doc_id"]), fill_value=0).fillna(0).astype(int)


# --------------------------------------------------------------------------- theme emphasis in the texts



def theme_shares(texts: dict[str, str], themes_file: Path = THEMES_FILE) -> pd.DataFrame:
    """Share of each text's characters in sentences about each theme (long: doc_id, theme, chars, share).

    Each sentence goes to the theme whose keywords it mentions most (`themes.theme_of`); sentences with
    no keyword are `unassigned`. Shares of one document add up to 1.
    """
    theme_ids = [t.theme_id for t in load_themes(themes_file)] + [UNASSIGNED]
    rows = []
    for doc_id, text in texts.items():
        chars = dict.fromkeys(theme_ids, 0)
        for sentence in split_sentences(convert(text, "t2s")):
            chars[theme_of(sentence, themes_file) or UNASSIGNED] += len(sentence.strip())
        total = sum(chars.values())
        rows.extend({"doc_id": doc_id, "theme": t, "chars": n, "share": (n / total if total else 0.0)}
                    for t, n in chars.items())
    return pd.DataFrame(rows, columns=["doc_id", "theme", "chars", "share"])
