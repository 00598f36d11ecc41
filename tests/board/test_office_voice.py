"""The board's voice and English sentence follow the office settings, live, unless the
command line fixed them."""

from __future__ import annotations

from loket.models import settings as office
from loket.models.queue.announcements import sentence
from loket.models.queue.tickets import issue_ticket


def _spoken(number: str, counter: int, english: bool = True) -> list[tuple[str, ...]]:
    said = [("chime",), ("say", "id", sentence(number, counter, "id"))]
    if english:
        said.append(("say", "en", sentence(number, counter, "en")))
    return said


def _following(make_board, voices):
    return make_board(None, english=None, choose_voice=voices)


def test_a_board_without_flags_uses_the_office_voice_and_language(make_board, voices, loket, qtbot):
    office.update_settings(board_voice="chime", board_english="no")
    a1 = issue_ticket("A").number
    board = _following(make_board, voices)
    assert voices.asked() == ["chime"]
    assert board.voice == "chime"
    assert board.calls.speaker is voices.speaker()
    assert not board.calls.english

    assert loket("call", "1").code == 0
    qtbot.waitUntil(
        lambda: len(voices.speaker().log) == 2 and not board.calls.busy(), timeout=10_000
    )
    assert voices.speaker().log == _spoken(a1, 1, english=False)


def test_english_switched_off_by_the_admin_takes_effect_without_losing_queued_calls(
    make_board, voices, loket, qtbot
):
    a1 = issue_ticket("A").number
    b1 = issue_ticket("B").number
    board = _following(make_board, voices)
    speaker = voices.speaker()
    assert board.calls.english
    speaker.hold()  # the first call is still being spoken when the setting changes
    assert loket("call", "1").code == 0
    qtbot.waitUntil(lambda: board.calls.busy(), timeout=10_000)
    assert loket("call", "2").code == 0
    qtbot.waitUntil(lambda: board.calls.pending() == 1, timeout=10_000)

    result = loket("settings", "board_english=tidak")
    assert result.code == 0, result.err
    qtbot.waitUntil(lambda: not board.calls.english, timeout=10_000)
    assert board.calls.pending() == 1
    speaker.release()
    qtbot.waitUntil(lambda: len(speaker.log) == 5 and not board.calls.busy(), timeout=10_000)
    # The call under way ends as it began; the next one is Indonesian only.
    assert speaker.log == _spoken(a1, 1) + _spoken(b1, 2, english=False)
    assert speaker.overlaps == 0
    assert voices.asked() == ["auto"]  # the voice was not touched

    assert loket("settings", "board_english=ya").code == 0
    qtbot.waitUntil(lambda: board.calls.english, timeout=10_000)


def test_a_new_voice_takes_over_after_the_call_being_spoken(make_board, voices, loket, qtbot):
    a1 = issue_ticket("A").number
    b1 = issue_ticket("B").number
    board = _following(make_board, voices)
    first = voices.speaker()
    first.hold()
    assert loket("call", "1").code == 0
    qtbot.waitUntil(lambda: board.calls.busy(), timeout=10_000)
    assert loket("call", "2").code == 0
    qtbot.waitUntil(lambda: board.calls.pending() == 1, timeout=10_000)

    assert loket("settings", "board_voice=espeak").code == 0
    qtbot.waitUntil(lambda: voices.asked() == ["auto", "espeak"], timeout=10_000)
    assert board.voice == "espeak"
    assert board.calls.speaker is first  # still speaking the first call
    first.release()
    second = voices.speaker()
    qtbot.waitUntil(lambda: len(second.log) == 3 and not board.calls.busy(), timeout=10_000)
    assert first.log == _spoken(a1, 1)
    assert second.log == _spoken(b1, 2)
    assert board.calls.speaker is second


def test_command_line_flags_override_the_office_settings(make_board, speaker, loket, qtbot):
    issue_ticket("A")
    office.update_settings(board_english="no")
    board = make_board(speaker)  # as `loket-display --voice …` without --no-english: fixed
    assert board.voice is None and board.calls.english
    result = loket("settings", "board_english=no", "board_voice=chime", "office_name=Kantor X")
    assert result.code == 0, result.err
    qtbot.waitUntil(lambda: board.header.office_name.text() == "Kantor X", timeout=10_000)
    assert board.calls.english and board.calls.speaker is speaker
    assert loket("call", "1").code == 0
    qtbot.waitUntil(lambda: len(speaker.log) == 3, timeout=10_000)
    assert [entry[:2] for entry in speaker.log] == [("chime",), ("say", "id"), ("say", "en")]


def test_the_admin_action_reaches_an_open_board(make_board, voices, qtbot, clock):
    from loket.models.office import admin_actions, auth, staff

    staff.add_staff("kepala", "Ibu Kepala", "head", "1111", password="kepala-rahasia")
    head = auth.login("kepala", "kepala-rahasia", clock)
    board = _following(make_board, voices)
    admin_actions.set_board_voice(head, "chime", False, clock=clock)
    qtbot.waitUntil(lambda: board.voice == "chime" and not board.calls.english, timeout=10_000)
    assert board.calls.speaker is voices.speaker()


def test_the_real_voices_are_swapped_and_the_old_one_released(make_board, qtbot):
    import shiboken6

    from loket.kiosk.board.voices import choose_speaker

    office.update_settings(board_voice="chime")
    board = make_board(None, english=None, choose_voice=choose_speaker)
    old = board.calls.speaker
    assert old.name == "chime" and old.parent() is board
    office.update_settings(board_voice="auto")
    qtbot.waitUntil(lambda: board.voice == "auto", timeout=10_000)
    assert board.calls.speaker is not old
    qtbot.waitUntil(lambda: not shiboken6.isValid(old), timeout=10_000)
