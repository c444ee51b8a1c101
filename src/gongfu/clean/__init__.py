"""Cleaning raw text into faithful Simplified Chinese, one pure step at a time, recording every edit.

Steps (one module each): mojibake, shift, pinyin, script, boilerplate, layout, punctuation; `pipeline`
chains them. `clean_text(text, conversion=..., steps=...)` is the entry point.
"""

from __future__ import annotations

from gongfu.clean.pipeline import STEPS, CleanResult, check_steps, clean_text

__all__ = ["STEPS", "CleanResult", "check_steps", "clean_text"]
