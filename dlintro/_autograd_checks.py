"""Checks of ``dlintro.Value``'s operations, kept apart from the rules they guard.

``checked`` wraps an operation: it converts the operand, and turns a result
or a local derivative that is not a finite float (an overflow, or an input
outside the operation's domain) into a ``ValueError`` that shows the
operation, instead of an ``inf`` or ``nan`` passed on through the graph.
"""

import functools
import math
import numbers

from dlintro._validation import as_real


def as_operand(x, cls, name="other"):
    """``x`` as a ``cls`` (a Value): itself, or a constant leaf made from a number."""
    if isinstance(x, cls):
        return x
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(
            f"{name} must be a real number or a Value, got {type(x).__name__}"
        )
    return cls(as_real(x, name))


def as_exponent(n, cls, name="exponent"):
    """The exponent of ``x ** n``: a constant real number, not a ``cls``."""
    if isinstance(n, cls):
        raise TypeError(
            f"{name} must be a constant number, got a Value: for x ** y "
            "with y a Value, write (y * x.log()).exp()"
        )
    if isinstance(n, bool) or not isinstance(n, numbers.Real):
        raise TypeError(
            f"{name} must be a real number, got {type(n).__name__}"
        )
    return as_real(n, name)


def checked(formula, domain, operand=as_operand):
    """Decorator of an operation: its operand is checked, its result must be finite.

    ``operand`` converts the operand, if the operation has one
    (``as_operand`` or ``as_exponent``). ``formula`` shows the operation in
    error messages, with ``{a}`` for the Value's data and ``{b}`` for the
    operand's; ``domain`` says where the operation and its local derivative
    are finite real numbers.
    """

    def decorate(operation):
        @functools.wraps(operation)
        def checked_operation(self, *given):
            given = [operand(x, type(self)) for x in given]
            try:
                out = operation(
                    self, *given
                )  # Value() refuses data inf or NaN
                finite = all(math.isfinite(local) for _, local in out.parents)
            except (ArithmeticError, ValueError):  # overflow, 1/0, log(-1)
                finite = False
            if not finite:
                b = given[0] if given else None
                shown = formula.format(a=self.data, b=getattr(b, "data", b))
                raise ValueError(
                    f"{shown} has no finite value or derivative in float64: "
                    f"{domain}"
                )
            return out

        return checked_operation

    return decorate
