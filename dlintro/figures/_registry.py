"""The site's figures by name; ``@figure(name, page=...)`` registers one."""

FIGURES = {}  # name -> function(colours) -> matplotlib Figure


def figure(name, *, page):
    """Register the decorated function as figure ``name``, shown on ``page``."""

    def register(function):
        if name in FIGURES:
            raise ValueError(f"figure {name!r} is registered twice")
        function.page = page
        FIGURES[name] = function
        return function

    return register
