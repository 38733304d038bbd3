"""How Afterword follows up, in plain words: each rule of the plan with the reason it exists."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Explained:
    """One rule as the help screen tells it: its ID, what Afterword does, and why."""

    rule: str
    what: str
    why: str


SECTIONS: tuple[tuple[str, tuple[Explained, ...]], ...] = (
    (
        "As the interview closes",
        (
            Explained(
                "A1-A2",
                "Asks for everyone's card, or at least their names, spelled right.",
                "You cannot thank someone whose name or address you do not have.",
            ),
            Explained(
                "A3-A4",
                "Asks what comes next and when they will decide.",
                "The decision date sets when a status check makes sense.",
            ),
            Explained(
                "A5",
                "Notes the best time and way to reach each person.",
                "A call at the wrong moment costs more than it gains.",
            ),
        ),
    ),
    (
        "Right after",
        (
            Explained(
                "D1, B1-B10",
                "Guides a debrief the same day, saved as you type.",
                "Memory fades within hours; the details make the thank-you notes.",
            ),
            Explained(
                "D2, C2",
                "A thank-you email to each interviewer within 24 hours; late after 48.",
                "Sent within hours, it lands while they still remember you.",
            ),
            Explained(
                "D3, C3",
                "A mailed note, mailed by the next day, arriving 3-5 business days later.",
                "It arrives as they decide; it needs their direct mailing address.",
            ),
            Explained(
                "C1, C5, C6",
                "Checks each note: different from the others, specific, brief.",
                "Interviewers compare notes; a copied note undoes the goodwill.",
            ),
            Explained(
                "C8, C9",
                "Reminds you to thank the staff, and not to write only to HR.",
                "Many people weigh in; HR is only indirectly interested in the match.",
            ),
        ),
    ),
    (
        "The weeks after",
        (
            Explained(
                "D4",
                "A value-adding follow-up a couple of days after the thank-you.",
                "Something useful (a link, a sample, a contact) keeps you in mind.",
            ),
            Explained(
                "D5-D6",
                "One status check: 3 business days after their date, or 2-3 weeks "
                "after the interview.",
                "Honouring their time frame shows patience.",
            ),
            Explained(
                "D7, E2",
                "Warns before a second check too soon, and calls to large firms.",
                "Pestering turns a good impression into a bad one.",
            ),
            Explained(
                "D9",
                "Every promise you made gets its date.",
                "Doing what you said is the strongest follow-up there is.",
            ),
            Explained(
                "D10",
                "Connect on LinkedIn, any time after the thank-you.",
                "A lasting professional link, whatever the outcome.",
            ),
            Explained(
                "D14", "Keep applying while you wait.", "A pause costs weeks if this one says no."
            ),
        ),
    ),
    (
        "When they answer",
        (
            Explained(
                "D12",
                "Invited back: a new round, with your stumpers and unasked questions.",
                "The next round often asks the same things.",
            ),
            Explained(
                "D11",
                "Not selected: a courteous request for feedback.",
                "You may be next on the list; feedback helps the next interview.",
            ),
            Explained(
                "D13",
                "Accepted elsewhere: a polite withdrawal everywhere else.",
                "Never ghost: bridges matter in a career.",
            ),
            Explained(
                "F1-F3",
                "Stumpers join a practice list; past answers are searchable.",
                "Interviewing is a skill you learn across interviews.",
            ),
        ),
    ),
)
