"""What the importer had to guess: listed at the end of the run and left as YAML comments."""

from __future__ import annotations

from dataclasses import dataclass, field

COMMENT_PREFIX = "импорт:"


@dataclass
class Guess:
    where: str  # a place the user can find: "мероприятие 1.3 (строка 66)", "заголовок документа"
    message: str  # Russian, a full clause without the place

    def line(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class GuessLog:
    guesses: list[Guess] = field(default_factory=list)

    def add(self, where: str, message: str, target: object | None = None) -> Guess:
        """Record a guess; when ``target`` has a ``comments`` list the guess is also put there."""
        guess = Guess(where, message)
        self.guesses.append(guess)
        if target is not None and hasattr(target, "comments"):
            target.comments.append(message)
        return guess

    def __len__(self) -> int:
        return len(self.guesses)

    def __iter__(self):
        return iter(self.guesses)


def shorten(text: str, limit: int = 60) -> str:
    """A text fragment for a message: one line, at most ``limit`` characters."""
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1].rstrip() + "…"
