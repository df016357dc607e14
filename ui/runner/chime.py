"""The short bell at zero, which must never stop the run when a computer has no sound.

Qt Multimedia is optional at run time: on Linux its library needs PulseAudio's client library,
and a machine may have no sound card or sound server at all (CI, a locked-down laptop). The
first chime probes for an audio output once per process; if there is none, every later chime
is counted and skipped quietly. The probe's own diagnostics (missing optional libraries, no
sound server) are kept in `problems` instead of reaching the console as Qt warnings: they say
nothing the facilitator can act on in the room.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMessageLogContext, QtMsgType, QUrl, qInstallMessageHandler

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

CHIME_WAV = Path(__file__).resolve().parents[2] / "resources" / "sounds" / "chime.wav"
VOLUME = 0.8


class _Probe:
    """Whether this process can play sound, found out once: (available, problems)."""

    result: tuple[bool, tuple[str, ...]] | None = None

    @classmethod
    def run(cls) -> tuple[bool, tuple[str, ...]]:
        if cls.result is None:
            cls.result = _probe_audio()
        return cls.result


def _probe_audio() -> tuple[bool, tuple[str, ...]]:
    heard: list[str] = []

    def keep(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        heard.append(message)

    previous = qInstallMessageHandler(keep)
    try:
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except (ImportError, OSError) as error:  # e.g. libpulse.so.0 missing on Linux
            return False, (*heard, f"Qt Multimedia is not available: {error}")
        if not QMediaDevices.audioOutputs():
            return False, (*heard, "No audio output device was found.")
        return True, tuple(heard)
    finally:
        qInstallMessageHandler(previous)


class Chime:
    """Plays resources/sounds/chime.wav unless muted; `played` counts every unmuted attempt."""

    def __init__(self, path: Path = CHIME_WAV) -> None:
        self.path = path
        self.muted = False
        self.played = 0
        self._effect: QSoundEffect | None = None

    @property
    def available(self) -> bool:
        """Whether a chime would be heard here (probes the audio system the first time)."""
        return _Probe.run()[0]

    @property
    def problems(self) -> tuple[str, ...]:
        """Why the chime cannot be heard, in the audio system's words (empty when it can)."""
        available, problems = _Probe.run()
        if available and not self.path.is_file():
            return (*problems, f"The chime sound is missing: {self.path}")
        return () if available else problems

    def prepare(self) -> None:
        """Load the sound ahead of time (when a countdown starts) so zero rings on time."""
        if not self.muted:
            self._sound()

    def play(self) -> None:
        if self.muted:
            return
        self.played += 1
        effect = self._sound()
        if effect is not None:
            effect.play()

    def _sound(self) -> QSoundEffect | None:
        if self._effect is None and self.available and self.path.is_file():
            from PySide6.QtMultimedia import QSoundEffect

            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(self.path)))
            effect.setVolume(VOLUME)
            self._effect = effect
        return self._effect
