"""Drafts of the follow-ups after the thank-you: value-add (D4), status check (D8), feedback
request (D11), withdrawal (D13), LinkedIn message (D10); each person gets other words (C1)."""

from __future__ import annotations

from collections.abc import Callable

from core.models import NoteKind
from core.note_text import clauses
from core.notes import LINKEDIN_CHARS, Draft, DraftInput, detail_sentence, letter


def value_add(inp: DraftInput) -> Draft:
    """D4: a question you wished you had asked (B9), or something useful to share."""
    wished = clauses(inp.answers.get("B9", ""))
    if wished:
        question = wished[inp.variant % len(wished)].rstrip("?")
        share = inp.pick(
            (
                f"One question I did not get to ask: {question}?",
                f"A question has stayed with me since: {question}?",
                f"I would also like to ask: {question}?",
            )
        )
    else:
        share = inp.pick(
            (
                "I came across something relevant to what we discussed and thought you "
                "might find it useful: (link or attachment).",
                "Here is a short work sample related to our conversation: (link).",
                "Someone we both know may be worth an introduction: (name).",
            )
        )
    opening = inp.pick(
        (
            "Following up on our conversation.",
            f"A short follow-up on {inp.role_text}.",
            "I have kept thinking about our conversation.",
        )
    )
    detail = detail_sentence(inp, 1) or detail_sentence(inp)
    body = letter(inp, opening, detail, share, greeting="Hi")
    return Draft(inp.pick((f"A follow-up on {inp.role_text}", "A question", "Following up")), body)


def status_check(inp: DraftInput) -> Draft:
    """D8: short and courteous: where things stand, interest restated (no 'just checking in')."""
    since = f" (you expected to decide {inp.decision})" if inp.decision else ""
    body = letter(
        inp,
        inp.pick(
            (
                "I hope your week is going well.",
                f"I hope things are going well at {inp.company}.",
                "I hope you are well.",
            )
        ),
        inp.pick(
            (
                f"I am writing to ask where things stand with {inp.role_text}{since}.",
                f"Could you let me know where the decision on {inp.role_text} stands{since}?",
                f"I would appreciate an update on {inp.role_text} when you have one{since}.",
            )
        ),
        inp.pick(
            (
                "I remain interested and am happy to send anything else you need.",
                "I am still keen, and glad to provide references or anything else.",
                "My interest is unchanged; let me know if anything else would help.",
            )
        ),
        greeting="Hi",
    )
    return Draft(inp.pick((f"{inp.role or 'Application'}: next steps", "Where things stand")), body)


def feedback_request(inp: DraftInput) -> Draft:
    """D11: not selected: thank them, ask for feedback courteously, keep the door open."""
    body = letter(
        inp,
        inp.pick(
            (
                f"Thank you for letting me know about your decision on {inp.role_text}, and "
                "for the time you and the team spent with me.",
                f"Thanks for telling me where things landed on {inp.role_text}; I appreciated "
                "the time everyone gave me.",
                f"I am sorry not to be joining {inp.company}, and grateful for the time you "
                "spent with me.",
            )
        ),
        inp.pick(
            (
                "If you are open to it, I would value any feedback on how I could have been "
                "a stronger candidate.",
                "Would you be willing to share what would have made my application stronger?",
                "Any feedback on my interviews would help me a great deal.",
            )
        ),
        inp.pick(
            (
                f"I enjoyed meeting the team at {inp.company} and would be glad to be "
                "considered for future openings.",
                "Please keep me in mind if another role opens up.",
                "I hope our paths cross again.",
            )
        ),
    )
    return Draft(inp.pick(("Thank you, and a request", "Feedback", "Thank you")), body)


def withdraw(inp: DraftInput) -> Draft:
    """D13: accepted elsewhere: withdraw politely and thank them; don't ghost."""
    body = letter(
        inp,
        inp.pick(
            (
                f"Thank you again for your time and consideration for {inp.role_text}.",
                f"Thank you for the time you gave me during the {inp.company} process.",
                "I am grateful for your time and for the conversations so far.",
            )
        ),
        inp.pick(
            (
                "I have accepted another offer, so I would like to withdraw from the process.",
                "I have decided to accept another offer and am withdrawing my application.",
                "I have accepted a position elsewhere, so please take me out of consideration.",
            )
        ),
        detail_sentence(inp) or f"I enjoyed meeting the team at {inp.company}.",
        inp.pick(("I hope our paths cross again.", "I wish you and the team well.")),
    )
    role = inp.role or inp.company
    return Draft(inp.pick((f"Withdrawing from the {role} process", "My application")), body)


def linkedin(inp: DraftInput) -> Draft:
    """D10: a short connection message, under LinkedIn's 300 characters."""
    opening = inp.pick(
        (
            f"Hi {inp.first}, thank you for the conversation {inp.when} about {inp.role_text}.",
            f"Hello {inp.first}, it was good to meet you {inp.when} at {inp.company}.",
            f"Hi {inp.first}, thanks again for your time {inp.when}.",
            f"Dear {inp.first}, I enjoyed meeting you {inp.when} about {inp.role_text}.",
        )
    )
    close = inp.pick(
        (
            "I would be glad to stay in touch.",
            "I'd like to keep in touch here.",
            "I hope we can stay connected.",
            "It would be good to keep in touch.",
        )
    )
    body = " ".join(x for x in (opening, detail_sentence(inp), close) if x)
    if len(body) > LINKEDIN_CHARS:
        body = f"{opening} {close}"
    return Draft("", body + "\n")


FOLLOW_UPS: dict[NoteKind, Callable[[DraftInput], Draft]] = {
    NoteKind.VALUE_ADD: value_add,
    NoteKind.STATUS_CHECK: status_check,
    NoteKind.FEEDBACK_REQUEST: feedback_request,
    NoteKind.WITHDRAW: withdraw,
    NoteKind.LINKEDIN: linkedin,
}
