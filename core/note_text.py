"""Text helpers shared by note drafting and checks: words, sentences, details, pronouns."""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_CLAUSE_SPLIT = re.compile(r"\s*(?:[;.!?]+|\n+)\s*")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _wordset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you
    your yours yourself yourselves i'm i've i'd i'll it's we're don't didn't won't can't
    let let's us get got"""
)
GENERIC = _wordset(
    """thank thanks thanking time today yesterday tomorrow week role position job company
    team interview interviewing interviewed opportunity conversation conversations talk
    talked talking chat meeting meet met discuss discussed discussion great good nice really
    enjoyed enjoy enjoying appreciate appreciated appreciating interest interested
    interesting look looking forward hear hearing hope hoping best regards kind sincerely
    dear hi hello next step steps process again learn learned learning speak spoke speaking
    glad happy pleasure chance work working like would could want wanted thing things
    people person someone everyone mentioned said told"""
)
_THIRD_PERSON = {
    "she": "you",
    "he": "you",
    "her": "your",
    "his": "your",
    "him": "you",
    "herself": "yourself",
    "himself": "yourself",
}
_IRREGULAR = {"is": "are", "was": "were", "has": "have", "does": "do"}
_KEEP_START = _wordset("i we they our the a an their it this that there my")
_PAST = _wordset(
    """said built told gave showed made spent took led ran wrote knew thought met came went
    found got saw brought shared asked explained described"""
)


def words(text: str) -> list[str]:
    """Return the words of `text`, lowercased ('back-pressure' and "don't" stay whole)."""
    return WORD.findall(text.lower())


def stem(word: str) -> str:
    """A light stem for matching details: 'runbooks' ~ 'runbook', 'teams' ~ 'team'."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(text: str, exclude: frozenset[str] = frozenset()) -> set[str]:
    """Return the stems of the words that carry meaning (no stopwords, no generic words)."""
    unique = set(words(text)) - STOPWORDS - GENERIC - exclude
    return {stem(word) for word in unique if len(word) >= 3}


def sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of each sentence of `text`, leading blanks skipped."""
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def clauses(text: str) -> list[str]:
    """Return the clauses of a note-to-self ('A; B. C') without parenthetical remarks."""
    cleaned = _PARENTHESES.sub("", text)
    return [c.strip(" ,-–—") for c in _CLAUSE_SPLIT.split(cleaned) if c.strip(" ,-–—")]


def _second_person_verb(verb: str) -> str:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(("ches", "shes", "sses", "xes")):
        return verb[:-2]
    if verb.endswith("s") and not verb.endswith("ss"):
        return verb[:-1]
    return verb


def to_second_person(clause: str, name: str) -> tuple[str, bool]:
    """Turn a note about someone ('Priya cares about X') into words to them ('you care about
    X'); return the clause and whether it is now about 'you'."""
    tokens = clause.split()
    if not tokens:
        return clause, False
    first_names = {part.casefold() for part in name.split()}
    head = tokens[0].casefold().strip(",:")
    about_you = False
    if head in first_names or head in ("she", "he"):
        tokens = ["you", *tokens[1:]]
        while len(tokens) > 1 and tokens[1].casefold() in first_names:
            del tokens[1]  # 'Priya Raman built' -> 'you built'
        if len(tokens) > 1:
            tokens[1] = _second_person_verb(tokens[1])
        about_you = True
    elif head in _PAST or (head.endswith("ed") and head not in _KEEP_START):
        tokens = ["you", tokens[0].lower(), *tokens[1:]]
        about_you = True
    elif head != "i" and (head in _KEEP_START or not _is_proper(tokens[0])):
        tokens[0] = tokens[0].lower()
    if about_you:
        tokens = [_swap_pronoun(t) for t in tokens]
    return " ".join(tokens), about_you


def _swap_pronoun(token: str) -> str:
    bare = token.rstrip(",.;:")
    swapped = _THIRD_PERSON.get(bare.casefold())
    return token if swapped is None else swapped + token[len(bare) :]


def _is_proper(token: str) -> bool:
    """A word that keeps its capitals: an acronym, a word with digits or inner capitals."""
    return sum(ch.isupper() for ch in token) > 1 or any(ch.isdigit() for ch in token)


def first_name(name: str) -> str:
    """Return the first word of a name ('Priya' of 'Priya Raman')."""
    parts = name.split()
    return parts[0] if parts else name
