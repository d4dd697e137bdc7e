"""dlintro.gates: add distributes, multiply swaps, max routes."""

import numpy as np
import pytest

import dlintro.gates
from dlintro import Add, Max, Multiply, numerical_gradient


def test_circuit_x_plus_y_times_z():
    x, y, z = -2.0, 5.0, -4.0
    add, mul = Add(), Multiply()
    q = add.forward(x, y)
    f = mul.forward(q, z)
    assert (q, f) == (3.0, -12.0)
    dq, dz = mul.backward(1.0)
    dx, dy = add.backward(dq)
    assert (dx, dy, dz) == (-4.0, -4.0, 3.0)


def test_circuit_gradients_match_central_differences():
    def f(v):
        return (v[0] + v[1]) * v[2]

    numeric = numerical_gradient(f, np.array([-2.0, 5.0, -4.0]))
    np.testing.assert_allclose(numeric, [-4.0, -4.0, 3.0])


def test_a_value_used_twice_gets_the_sum_of_its_gradients():
    # z = (x + y)**2 as q * q: both inputs of Multiply are q, so dq = q + q = 2q
    add, square = Add(), Multiply()
    q = add.forward(1.5, 2.0)
    assert square.forward(q, q) == 12.25
    dq_first, dq_second = square.backward(1.0)
    dx, dy = add.backward(dq_first + dq_second)
    assert dx == dy == 2 * (1.5 + 2.0)


def test_max_routes_and_breaks_ties_towards_x():
    gate = Max()
    assert gate.forward(2.0, 7.0) == 7.0
    assert gate.backward(5.0) == (0.0, 5.0)
    gate.forward(3.0, 3.0)
    assert gate.backward(-1.0) == (-1.0, 0.0)


def test_gates_work_element_wise_on_arrays():
    x, y = np.array([1.0, 4.0]), np.array([3.0, 2.0])
    gate = Max()
    np.testing.assert_array_equal(gate.forward(x, y), [3.0, 4.0])
    dx, dy = gate.backward(np.array([10.0, 20.0]))
    np.testing.assert_array_equal(dx, [0.0, 20.0])
    np.testing.assert_array_equal(dy, [10.0, 0.0])
    gate = Multiply()
    gate.forward(x, y)
    dx, dy = gate.backward(np.ones(2))
    np.testing.assert_array_equal(dx, y)
    np.testing.assert_array_equal(dy, x)


@pytest.mark.parametrize("gate", [Add, Multiply, Max])
def test_gate_errors(gate):
    with pytest.raises(RuntimeError, match=r"backward called before forward"):
        gate().backward(1.0)
    with pytest.raises(ValueError, match=r"y must have the shape of x \(2,\), got shape \(3,\)"):
        gate().forward(np.ones(2), np.ones(3))
    g = gate()
    g.forward(1.0, 2.0)
    with pytest.raises(ValueError, match=r"dout must have the shape of the output \(\)"):
        g.backward([1.0, 2.0])
    with pytest.raises(ValueError, match=r"x must contain only finite values"):
        gate().forward(np.nan, 1.0)


def test_add_backward_returns_two_new_arrays():
    # It returned dout itself, twice: changing dx changed dy and dout.
    gate, dout = Add(), np.array([1.0, 2.0])
    gate.forward(np.zeros(2), np.zeros(2))
    dx, dy = gate.backward(dout)
    assert not np.shares_memory(dx, dy)
    assert not np.shares_memory(dx, dout) and not np.shares_memory(dy, dout)
    dx[0] = 99.0
    assert dy[0] == 1.0 and dout[0] == 1.0


def test_multiply_keeps_its_inputs_as_documented():
    # Sharing on purpose (module docstring): the arrays themselves, not copies.
    x, y = np.array([1.0, 2.0]), np.array([3.0, 4.0])
    gate = Multiply()
    gate.forward(x, y)
    y[0] = 10.0  # changed between forward and backward ...
    dx, _ = gate.backward(np.ones(2))
    assert dx[0] == 10.0  # ... and the gradient changes with it
    assert "not copies" in dlintro.gates.__doc__


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: Multiply().forward(1e200, 1e200), r"^Multiply.forward overflowed .*x or y"),
        (lambda: Add().forward(1e308, 1e308), r"^Add.forward overflowed .*x or y"),
        (lambda: Add().forward([1e308], [1e308]), r"^Add.forward overflowed"),
    ],
)
def test_an_overflowing_gate_is_an_error_not_inf(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_an_overflowing_multiply_backward_names_dout():
    gate = Multiply()
    gate.forward(1e300, 2.0)
    with pytest.raises(ValueError, match=r"^Multiply.backward overflowed .*dout"):
        gate.backward(1e10)


@pytest.mark.parametrize("gate", [Add, Multiply, Max])
def test_masked_inputs_are_refused(gate):
    with pytest.raises(TypeError, match=r"x must be a plain array, not a masked array"):
        gate().forward(np.ma.array([1.0], mask=[1]), np.ones(1))
