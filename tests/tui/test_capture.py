"""Welcome panel and the New interview modal, driven by real key presses."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input, Select

from tests.tui.pilot_helpers import NOW, SIZE, MakeApp, RepoOn, screen_text, type_text
from tui.app import AfterwordApp
from tui.screens.debrief import DebriefScreen
from tui.screens.new_interview import NewInterviewScreen
from tui.widgets.debrief_body import DebriefBody
from tui.widgets.field_message import FieldMessage
from tui.widgets.welcome import Welcome


def message(app: AfterwordApp, name: str) -> FieldMessage:
    """The message line next to a field of the New interview modal."""
    return app.screen.query_one(f"#msg-{name}", FieldMessage)


async def test_empty_database_shows_the_welcome_panel(app: AfterwordApp) -> None:
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.query(Welcome)
        assert not app.screen.query(DebriefBody)
        assert "Just left an interview? Press n" in screen_text(app)


async def test_n_captures_an_interview_and_lands_on_its_debrief(app: AfterwordApp) -> None:
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, NewInterviewScreen)
        assert app.focused is app.screen.query_one("#new-company", Input)
        await type_text(pilot, "Acme Robotics")
        await pilot.press("tab")
        await type_text(pilot, "Staff Platform Engineer")
        await pilot.press("tab", "ctrl+a", "ctrl+k")  # clear the default "now"
        await type_text(pilot, "30 min ago")
        assert "15:00" in str(message(app, "ended").render())
        await pilot.press("tab")  # format: open the list, one down, pick Video
        assert app.focused is app.screen.query_one("#new-format", Select)
        await pilot.press("enter", "down", "enter")
        assert app.screen.query_one("#new-format", Select).value == "video"
        await pilot.press("tab")
        await type_text(pilot, "Jane Doe <jane@acme.com>, John Smith")
        await pilot.press("tab")
        await type_text(pilot, "in 2 weeks")
        assert "Sun 06 Dec 2026" in str(message(app, "decision").render())
        await pilot.press("tab", "space")  # large employer
        await pilot.press("shift+tab", "enter")  # Enter in a line creates
        await pilot.pause()

        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.query(DebriefBody)
        assert not app.screen.query(Welcome)
        repo = app.session.repo
        [summary] = repo.list_interviews()
        interview = summary.interview
        assert app.session.interview_id == interview.id
        assert (summary.company, summary.role) == ("Acme Robotics", "Staff Platform Engineer")
        assert interview.round == 1
        assert interview.ended_at == NOW - timedelta(minutes=30)
        assert interview.format == "video"
        assert interview.decision_date == date(2026, 12, 6)
        assert interview.decision_phrase == "in 2 weeks"
        assert interview.large_employer is True
        people = {p.name: p for p, _link in repo.participants(interview.id)}
        assert set(people) == {"Jane Doe", "John Smith"}
        assert people["Jane Doe"].email == "jane@acme.com"
        assert people["Jane Doe"].email_source == "card"
        assert people["John Smith"].email == ""
        application = repo.get_application(interview.application_id)
        assert {p.name for p in repo.people_of_application(application.id)} == set(people)
        text = screen_text(app)
        assert "Acme Robotics" in text and "round 1" in text


async def test_enter_or_ctrl_s_creates_and_a_second_capture_is_round_two(
    app: AfterwordApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        for create in ("enter", "ctrl+s"):
            await pilot.press("n")
            await type_text(pilot, "Initech")
            await pilot.press(create)
            await pilot.pause()
            assert isinstance(app.screen, DebriefScreen)
        rounds = sorted(s.interview.round for s in app.session.repo.list_interviews())
        assert rounds == [1, 2]
        assert "round 2" in screen_text(app)


async def test_empty_company_is_reported_next_to_the_field(app: AfterwordApp) -> None:
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.press("n", "tab")
        await type_text(pilot, "Engineer")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewInterviewScreen)
        company = message(app, "company")
        assert company.has_class("-error")
        assert "company" in str(company.render()).lower()
        assert app.focused is app.screen.query_one("#new-company", Input)
        assert app.session.repo.count_interviews() == 0
        # Fixing the field clears the message and creates the interview.
        await type_text(pilot, "Acme")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.session.repo.count_interviews() == 1


async def test_bad_email_and_bogus_decision_each_get_a_message_and_nothing_is_created(
    app: AfterwordApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Acme")
        await pilot.press("tab", "tab", "tab", "tab")
        assert app.focused is app.screen.query_one("#new-people", Input)
        await type_text(pilot, "Jane Doe <jane@@acme>, Bob")
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#new-decision", Input)
        await type_text(pilot, "bogus")
        decision = message(app, "decision")
        assert decision.has_class("-error")  # read as it is typed
        assert "bogus" in str(decision.render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewInterviewScreen)
        people = message(app, "people")
        assert people.has_class("-error")
        assert "jane@@acme" in str(people.render())
        assert message(app, "decision").has_class("-error")
        assert not message(app, "company").has_class("-error")
        assert "bogus" in screen_text(app) and "jane@@acme" in screen_text(app)
        assert app.focused is app.screen.query_one("#new-people", Input)  # first bad field
        repo = app.session.repo
        assert repo.count_interviews() == 0
        assert repo.rows("SELECT COUNT(*) AS n FROM applications")[0]["n"] == 0
        assert repo.rows("SELECT COUNT(*) AS n FROM people")[0]["n"] == 0


async def test_escape_cancels_without_creating(app: AfterwordApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Acme")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.query(Welcome)
        assert app.session.repo.count_interviews() == 0
        assert "Just left an interview? Press n" in screen_text(app)


async def test_capture_answer_quit_reopen_everything_is_there(
    make_app: MakeApp, repo_on: RepoOn
) -> None:
    from tui.widgets.text_pane import TextPane

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Acme")
        await pilot.press("tab", "tab", "tab", "tab")
        await type_text(pilot, "Jane Doe <jane@acme.com>")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # B3, cursor in its answer
        await type_text(pilot, "Rapport with Jane.\nGood design round.")
        await pilot.press("ctrl+q")  # quit at once: the pending save is flushed
    assert app.return_code == 0

    repo = repo_on()
    [summary] = repo.list_interviews()
    iid = summary.interview.id
    assert summary.company == "Acme"
    assert repo.answers(iid) == {"B3": "Rapport with Jane.\nGood design round."}
    assert [p.email for p, _ in repo.participants(iid)] == ["jane@acme.com"]
    repo.close()

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.session.interview_id == iid
        await pilot.press("down", "down")  # from B1, the first unanswered prompt, to B3
        pane = again.screen.query_one("#pane-B3", TextPane)
        assert pane.query_one("TextArea").text == "Rapport with Jane.\nGood design round."
        assert "Acme" in screen_text(again)
        assert "1/10 answered" in screen_text(again)
