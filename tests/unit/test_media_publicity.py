"""An audio's readability in object storage is set again when the storage drops a request."""

import pytest

from listening.site import media_publicity


class FlakyStorage:
    def __init__(self, failures):
        self.failures, self.calls = failures, []

    def set_public(self, name, public):
        self.calls.append((name, public))
        if len(self.calls) <= self.failures:
            raise ConnectionError("the storage dropped the request")


@pytest.fixture
def one_audio(monkeypatch):
    class Files:
        def filter(self, **kwargs):
            return self

        def exclude(self, **kwargs):
            return self

        def values_list(self, *args, **kwargs):
            return ["audio/a.mp3"]

    monkeypatch.setattr(media_publicity.AudioFile, "objects", Files())
    monkeypatch.setattr(media_publicity, "is_public", lambda name: False)
    monkeypatch.setattr(media_publicity.time, "sleep", lambda seconds: None)


@pytest.mark.parametrize("failures", [0, 1, 2])
def test_a_dropped_request_is_tried_again(monkeypatch, one_audio, failures):
    storage = FlakyStorage(failures)
    monkeypatch.setattr(media_publicity, "default_storage", storage)
    media_publicity._apply({1})
    assert storage.calls == [("audio/a.mp3", False)] * (failures + 1)


def test_a_storage_that_keeps_failing_is_logged_not_raised(monkeypatch, one_audio, caplog):
    storage = FlakyStorage(failures=10)
    monkeypatch.setattr(media_publicity, "default_storage", storage)
    media_publicity._apply({1})
    assert len(storage.calls) == media_publicity.ATTEMPTS
    assert "Could not set who may read audio/a.mp3" in caplog.text
