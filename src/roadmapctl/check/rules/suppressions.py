"""RM9xx: the suppressions themselves (the runner produces these findings)."""

from roadmapctl.check.diagnostics import Severity
from roadmapctl.check.registration import declare

declare(
    "RM901", "unused-noqa", Severity.WARNING,
    "Комментарий noqa ничего не отключает",
    """
Комментарий `# noqa: КОД` подавляет замечание с этим кодом на своей строке, а
`# roadmapctl: noqa: КОД` — во всём файле. Если такого замечания нет (ошибку исправили, код
указан неверно), подавление лишнее: со временем оно спрячет новую, настоящую ошибку.

Неправильно:
    срок: Март 2021 года  # noqa: RM404

Правильно:
    срок: Март 2021 года
""",
)
