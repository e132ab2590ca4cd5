"""Spelling of official text: the word tokenizer, the Russian dictionary and the word lists.

``tokens`` splits text into words (pure, no dictionary); ``lexicon`` loads pymorphy3 lazily,
once per process, and adds the domain word list shipped with the tool and the repository's own
word lists. The check rules (``check/rules/spelling.py``) consume both.
"""
