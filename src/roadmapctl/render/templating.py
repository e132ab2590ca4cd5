"""The Jinja2 environment of the text formats: a template folder of the user's first, then ours."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from roadmapctl.render.errors import RenderError


@lru_cache(maxsize=8)
def _environment(user_dir: str | None, html: bool):
    import jinja2

    from roadmapctl.resources import templates_dir

    loaders = [jinja2.FileSystemLoader(user_dir, encoding="utf-8")] if user_dir else []
    loaders.append(jinja2.FileSystemLoader(str(templates_dir()), encoding="utf-8"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=html,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    return env


def render_template(name: str, template_dir: Path | None, html: bool, filters: dict, **context) -> str:
    import jinja2

    env = _environment(str(template_dir) if template_dir else None, html)
    env.filters.update(filters)
    try:
        template = env.get_template(name)
        return template.render(**context)
    except jinja2.TemplateNotFound:
        raise RenderError(f"не найден шаблон «{name}»") from None
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name or name}, строка {exc.lineno}"
        raise RenderError(f"ошибка в шаблоне {where}: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        raise RenderError(f"ошибка в шаблоне «{name}»: неизвестное имя ({exc.message})") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"ошибка в шаблоне «{name}»: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - a user's template may fail in any way
        if template_dir is None:
            raise
        raise RenderError(f"ошибка при заполнении шаблона «{name}» из {template_dir}: {type(exc).__name__}: {exc}") from None
