"""What can go wrong in rendering."""


class RenderError(Exception):
    """A problem with a template, the style settings, the format or the output (the message is in
    Russian)."""
