"""The closest-passage hint for an excerpt that is not verbatim: direct calls, exact texts."""

from __future__ import annotations

from tracker.core.closest import mismatch_hint

TEXT = (
    "Talks between Iran and the United States have stalled. A second source added that Iran had failed to agree "
    "on a location for a scheduled meeting in Istanbul, further complicating diplomatic efforts."
)


def test_one_word_changed():
    assert mismatch_hint("A second source added that Iran had refused to agree on a location", TEXT) == (
        "the archived text has '…added that Iran had ^failed to agree on a…' where the excerpt has '…added that Iran had ^refused to agree on a…'"
    )


def test_first_word_changed():
    assert mismatch_hint("The talks between Iran and the United States have stalled.", TEXT) == (
        "the archived text has '^Talks between Iran and…' where the excerpt has '^The talks between Iran…'"
    )


def test_excerpt_runs_past_the_sentence():
    assert mismatch_hint("scheduled meeting in Istanbul, further complicating the talks", TEXT) == (
        "the archived text has '…further complicating ^diplomatic efforts.' where the excerpt has '…further complicating ^the talks'"
    )


def test_nothing_close():
    assert mismatch_hint("The quick brown fox jumps over the lazy dog", TEXT) == (
        "nothing in the archived text is close to it: check the source, or copy the passage again"
    )
