"""dlintro.Value: each operation's local rule, backward's order, accumulation, errors, figure.

The gradients are compared with central differences (dlintro.numerical_gradient)
of the same forward computation, for each operation alone and for random
expressions that reuse their leaves and intermediate results.
"""

import ast
import math
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from matplotlib.patches import Circle, FancyArrowPatch

from dlintro import (
    MLP,
    Add,
    Multiply,
    Value,
    numerical_gradient,
    sigmoid,
    softmax_cross_entropy,
)
from dlintro.figures import FIGURES
from dlintro.figures._diagram import HEAD_SCALE, LINE, RADIUS
from dlintro.figures._style import colors
from dlintro.figures.autograd import layout, reused_circuit
from tests.figure_helpers import arrow_ends, assert_each_value_above_its_gradient, labels
from tests.paths import DOCS


def gradient(build, point):
    """The gradient of ``build(*leaves).data`` at ``point``, by backward and numerically."""
    leaves = [Value(v) for v in point]
    build(*leaves).backward()
    analytic = np.array([leaf.grad for leaf in leaves])
    numeric = numerical_gradient(
        lambda v: build(*(Value(x) for x in v)).data, np.array(point, dtype=float)
    )
    return analytic, numeric


# (name, function of Values, a point away from kinks and domain edges, forward in floats)
OPERATIONS = [
    ("a + b", lambda a, b: a + b, (0.7, -1.3), lambda a, b: a + b),
    ("a - b", lambda a, b: a - b, (0.7, -1.3), lambda a, b: a - b),
    ("a * b", lambda a, b: a * b, (0.7, -1.3), lambda a, b: a * b),
    ("a / b", lambda a, b: a / b, (0.7, -1.3), lambda a, b: a / b),
    ("2 + a", lambda a: 2 + a, (0.7,), lambda a: 2 + a),
    ("2 - a", lambda a: 2 - a, (0.7,), lambda a: 2 - a),
    ("2 * a", lambda a: 2 * a, (0.7,), lambda a: 2 * a),
    ("2 / a", lambda a: 2 / a, (0.7,), lambda a: 2 / a),
    ("a + 2", lambda a: a + 2, (0.7,), lambda a: a + 2),
    ("a - 2", lambda a: a - 2, (0.7,), lambda a: a - 2),
    ("a * 2", lambda a: a * 2, (0.7,), lambda a: a * 2),
    ("a / 2", lambda a: a / 2, (0.7,), lambda a: a / 2),
    ("-a", lambda a: -a, (0.7,), lambda a: -a),
    ("a ** 2", lambda a: a**2, (-1.3,), lambda a: a**2),
    ("a ** 3", lambda a: a**3, (-1.3,), lambda a: a**3),
    ("a ** -1", lambda a: a**-1, (-1.3,), lambda a: a**-1),
    ("a ** 0.5", lambda a: a**0.5, (1.3,), lambda a: a**0.5),
    ("a ** 0", lambda a: a**0, (1.3,), lambda a: 1.0),
    ("exp", lambda a: a.exp(), (0.7,), math.exp),
    ("log", lambda a: a.log(), (0.7,), math.log),
    ("tanh", lambda a: a.tanh(), (0.7,), math.tanh),
    ("sigmoid", lambda a: a.sigmoid(), (-0.7,), lambda a: float(sigmoid(a))),
    ("relu > 0", lambda a: a.relu(), (0.7,), lambda a: a),
    ("relu < 0", lambda a: a.relu(), (-0.7,), lambda a: 0.0),
]


@pytest.mark.parametrize(
    ("build", "point", "expected"),
    [op[1:] for op in OPERATIONS],
    ids=[op[0] for op in OPERATIONS],
)
def test_each_operation_against_central_differences(build, point, expected):
    out = build(*(Value(v) for v in point))
    assert out.data == pytest.approx(expected(*point), rel=1e-15)
    analytic, numeric = gradient(build, point)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-8, atol=1e-10)


@pytest.mark.parametrize(
    ("build", "local"),
    [
        (lambda x: x.exp(), lambda x: math.exp(x)),
        (lambda x: x.log(), lambda x: 1 / x),
        (lambda x: x.tanh(), lambda x: 1 - math.tanh(x) ** 2),
        (lambda x: x.sigmoid(), lambda x: float(sigmoid(x) * (1 - sigmoid(x)))),
        (lambda x: x**3, lambda x: 3 * x**2),
        (lambda x: 1 / x, lambda x: -1 / x**2),
    ],
)
def test_each_node_records_its_parent_and_local_derivative(build, local):
    x = Value(1.5)
    out = build(x)
    (parent, derivative), *rest = [p for p in out.parents if p[0] is x]
    assert parent is x and not rest
    assert derivative == pytest.approx(local(1.5), rel=1e-14)
    assert out.grad == 0.0 and x.grad == 0.0  # nothing before backward


def test_relu_at_zero_passes_nothing_like_the_relu_layer():
    x = Value(0.0)
    y = x.relu()
    y.backward()
    assert (y.data, x.grad) == (0.0, 0.0)


def test_sigmoid_does_not_overflow_far_from_zero():
    for a, s in [(-1000.0, 0.0), (1000.0, 1.0), (-30.0, sigmoid(-30.0))]:
        x = Value(a)
        y = x.sigmoid()
        y.backward()
        assert y.data == pytest.approx(s, rel=1e-15, abs=0) and math.isfinite(x.grad)


def test_the_circuit_gives_the_gates_values_and_gradients():
    x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
    q = x + y
    f = q * z
    f.backward()
    add, mul = Add(), Multiply()
    assert mul.forward(add.forward(-2.0, 5.0), -4.0) == f.data == -12.0
    dq, dz = mul.backward(1.0)
    dx, dy = add.backward(dq)
    assert (x.grad, y.grad, z.grad, q.grad, f.grad) == (dx, dy, dz, dq, 1.0)
    assert (dx, dy, dz) == (-4.0, -4.0, 3.0)


def naive_backward(node):
    """The recursive backward that is wrong when a node is used twice (micrograd PR #64)."""
    for parent, local in node.parents:
        parent.grad += local * node.grad
        naive_backward(parent)


def test_a_reused_node_collects_both_gradients_and_passes_them_on_once():
    # a = 1, b = a + a, c = b + b: dc/da = 4
    a = Value(1.0)
    b = a + a
    c = b + b
    order = c.topological_order()
    assert order == [a, b, c]  # each node once, parents first
    c.backward()
    assert (a.grad, b.grad, c.grad) == (4.0, 2.0, 1.0)
    # the recursion sends b's gradient on before b has collected both uses
    a.grad = b.grad = 0.0
    c.grad = 1.0
    naive_backward(c)
    assert a.grad == 6.0 != 4.0


def test_reused_intermediate_result_in_the_extended_circuit():
    # f = q z + q with q = x + y: df/dx = df/dy = z + 1, df/dz = q
    x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
    q = x + y
    f = q * z + q
    f.backward()
    assert (f.data, x.grad, y.grad, z.grad, q.grad) == (-9.0, -3.0, -3.0, 3.0, -3.0)


def test_the_order_puts_every_node_after_its_parents_once():
    x, y = Value(0.5), Value(-1.5)
    s = x * y
    out = (s + x).tanh() * s + (s * s).exp() - y
    order = out.topological_order()
    assert len(order) == len(set(order)) and order[-1] is out
    position = {node: i for i, node in enumerate(order)}
    for node in order:
        for parent, _ in node.parents:
            assert position[parent] < position[node]
    assert {x, y, s} <= set(order)


def test_a_long_chain_needs_no_recursion():
    x = Value(1.0)
    total = x
    for _ in range(5000):  # deeper than Python's recursion limit
        total = total + x
    total.backward()
    assert x.grad == 5001.0
    assert len(total.topological_order()) == 5001  # x and 5000 sums


def test_backward_again_gives_interior_nodes_the_same_and_adds_to_the_leaves():
    x = Value(3.0)
    q = x * x
    y = q + x  # dy/dx = 2x + 1 = 7
    y.backward()
    assert (x.grad, q.grad, y.grad) == (7.0, 1.0, 1.0)
    y.backward()
    assert (x.grad, q.grad, y.grad) == (14.0, 1.0, 1.0)


def test_leaves_accumulate_across_graphs_until_zeroed():
    w = Value(2.0)
    (w * 3.0).backward()
    (w * w).backward()
    assert w.grad == 3.0 + 4.0  # the sum of both losses' gradients
    w.grad = 0.0
    (w * w).backward()
    assert w.grad == 4.0


def test_backward_on_a_leaf_and_the_sum_of_several_outputs():
    x = Value(2.0)
    x.backward()
    assert x.grad == 1.0
    x.grad = 0.0
    outputs = [x * x, x.exp(), 3 * x]  # several outputs: make one Value of them
    sum(outputs).backward()
    assert x.grad == pytest.approx(2 * 2.0 + math.exp(2.0) + 3)
    with pytest.raises(AttributeError):
        outputs.backward()  # a list is not a Value


def test_numpy_numbers_are_operands_and_arrays_are_refused():
    x = Value(2.0)
    for number in (np.float64(3.0), np.float32(3.0), np.int64(3)):
        assert isinstance(number * x, Value) and (number * x).data == 6.0
        assert isinstance(x - number, Value) and (number - x).data == 1.0
    for array in (np.ones(2), np.float64(3.0)[None]):
        with pytest.raises(TypeError, match="other must be a real number or a Value"):
            array * x
        with pytest.raises(TypeError, match="other must be a real number or a Value"):
            x * array


def test_values_compare_by_identity():
    a, b = Value(1.0), Value(1.0)
    assert a != b and a == a and len({a, b}) == 2


def test_repr_shows_data_and_grad():
    x = Value(-2.0)
    assert repr(x) == "Value(data=-2.0, grad=0.0)"


def test_value_mlp_gradients_equal_the_matrix_mlp():
    rng = np.random.default_rng(0)
    X, labels = rng.normal(size=(3, 2)), np.array([0, 2, 1])
    net = MLP([2, 4, 3], activation="tanh", rng=0)
    loss, dO = softmax_cross_entropy(net.forward(X), labels)
    net.backward(dO)
    weights = [
        ([[Value(w) for w in row] for row in lin.W], [Value(b) for b in lin.b])
        for lin in net.linears
    ]
    total = Value(0.0)
    for x, label in zip(X, labels, strict=True):
        h = [Value(v) for v in x]
        for k, (W, b) in enumerate(weights):
            z = [sum((h[i] * W[i][j] for i in range(len(h))), b[j]) for j in range(len(b))]
            h = z if k == len(weights) - 1 else [zj.tanh() for zj in z]
        total = total + sum(o.exp() for o in h).log() - h[label]
    mean = total / len(X)
    mean.backward()
    assert mean.data == pytest.approx(loss, abs=1e-12)
    for lin, (W, b) in zip(net.linears, weights, strict=True):
        np.testing.assert_allclose([[w.grad for w in row] for row in W], lin.dW, rtol=0, atol=1e-12)
        np.testing.assert_allclose([v.grad for v in b], lin.db, rtol=0, atol=1e-12)


# --- random expressions ------------------------------------------------------------

# Each step applies one operation to earlier registers (leaves or results), so leaves
# and intermediate results are reused. log, / and ** 0.5 get inputs kept in their domain.
STEPS = {
    "add": (2, lambda a, b: a + b),
    "sub": (2, lambda a, b: a - b),
    "mul": (2, lambda a, b: a * b),
    "div": (2, lambda a, b: a / (b * b + 0.5)),
    "radd": (1, lambda a: 0.5 + a),
    "rsub": (1, lambda a: 1.5 - a),
    "rmul": (1, lambda a: -2 * a),
    "rdiv": (1, lambda a: 1 / (a * a + 0.5)),
    "neg": (1, lambda a: -a),
    "square": (1, lambda a: a**2),
    "cube": (1, lambda a: a**3),
    "sqrt": (1, lambda a: (a * a + 0.5) ** 0.5),
    "exp": (1, lambda a: a.exp()),
    "log": (1, lambda a: (a * a + 0.5).log()),
    "tanh": (1, lambda a: a.tanh()),
    "sigmoid": (1, lambda a: a.sigmoid()),
    "relu": (1, lambda a: a.relu()),
}


@st.composite
def programs(draw):
    leaves = draw(st.lists(st.floats(-2.0, 2.0), min_size=1, max_size=3))
    steps = []
    for k in range(draw(st.integers(1, 10))):
        name = draw(st.sampled_from(sorted(STEPS)))
        arity = STEPS[name][0]
        steps.append((name, [draw(st.integers(0, len(leaves) + k - 1)) for _ in range(arity)]))
    return leaves, steps


def run(steps, leaves):
    registers = list(leaves)
    for name, args in steps:
        registers.append(STEPS[name][1](*(registers[i] for i in args)))
    return registers[-1]


@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)
@given(programs())
def test_random_expressions_match_central_differences(program):
    point, steps = program
    leaves = [Value(v) for v in point]
    try:
        out = run(steps, leaves)
    except ValueError:  # an overflow: refused, as the errors test checks
        assume(False)
    graph = out.topological_order()
    # central differences need room: no relu input within 1e-3 of its kink,
    # and values small enough for h = 1e-5 to measure
    assume(all(abs(n.parents[0][0].data) > 1e-3 for n in graph if n.op == "relu"))
    assume(all(abs(n.data) < 1e4 for n in graph))
    out.backward()
    assume(all(abs(leaf.grad) < 1e4 for leaf in leaves))
    numeric = numerical_gradient(lambda v: run(steps, [Value(x) for x in v]).data, np.array(point))
    analytic = np.array([leaf.grad for leaf in leaves])
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-6)


# --- errors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (True, TypeError, "data must be a float, got bool"),
        ("1.0", TypeError, "data must be a float, got str"),
        (None, TypeError, "data must be a float, got NoneType"),
        (np.ones(2), TypeError, "data must be a float, got ndarray"),
        (1j, TypeError, "data must be a float, got complex"),
        ([1.0], TypeError, "data must be a float, got list"),
        (math.nan, ValueError, "data must be finite, got nan"),
        (math.inf, ValueError, "data must be finite, got inf"),
        (10**400, ValueError, "data must be finite"),
    ],
)
def test_a_value_must_be_one_finite_real_number(data, error, message):
    with pytest.raises(error, match=message):
        Value(data)


def test_numbers_of_other_types_are_converted():
    assert Value(3).data == 3.0 and type(Value(3).data) is float
    assert type(Value(np.float32(0.5)).data) is float
    assert Value(-0.0).data == 0.0


@pytest.mark.parametrize("other", ["2", None, True, [1.0], np.ones(2), 1j, object()])
@pytest.mark.parametrize(
    "operation",
    [
        lambda x, o: x + o,
        lambda x, o: o + x,
        lambda x, o: x - o,
        lambda x, o: o - x,
        lambda x, o: x * o,
        lambda x, o: o * x,
        lambda x, o: x / o,
        lambda x, o: o / x,
    ],
)
def test_an_operand_that_is_not_a_number_is_named(operation, other):
    with pytest.raises(TypeError, match="other must be a real number or a Value"):
        operation(Value(2.0), other)


@pytest.mark.parametrize("other", [math.nan, math.inf, -math.inf])
def test_an_operand_that_is_not_finite_is_named(other):
    with pytest.raises(ValueError, match="other must be finite"):
        Value(2.0) * other
    with pytest.raises(ValueError, match="other must be finite"):
        other - Value(2.0)


def test_the_exponent_must_be_a_constant_number():
    x = Value(2.0)
    with pytest.raises(TypeError, match=r"exponent must be a constant number, got a Value"):
        x**x
    for exponent, error in [("2", TypeError), (True, TypeError), (math.nan, ValueError)]:
        with pytest.raises(error, match="exponent must be"):
            x**exponent
    with pytest.raises(TypeError):
        2**x  # a Value as an exponent is not supported on either side


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Value(1000.0).exp(), r"exp\(1000\) .*exp overflows"),
        (lambda: Value(-1.0).log(), r"log\(-1\) .*log needs data > 0"),
        (lambda: Value(0.0).log(), r"log\(0\) .*log needs data > 0"),
        (lambda: Value(5e-324).log(), r"log\(4.94066e-324\) .*1/data must not overflow"),
        (lambda: Value(1.0) / 0, r"1 / 0 .*the divisor must not be 0"),
        (lambda: 1 / Value(0.0), r"1 / 0 .*the divisor must not be 0"),
        (lambda: Value(1.0) / 1e-200, r"1 / 1e-200 .*so small"),
        (lambda: Value(1e200) * 1e200, r"1e\+200 \* 1e\+200 .*the product overflows"),
        (lambda: Value(1e308) + 1e308, r"the sum overflows"),
        (lambda: Value(-1e308) - 1e308, r"the difference overflows"),
        (lambda: Value(-8.0) ** (1 / 3), r"\(-8\) \*\* 0.333333 .*negative base"),
        (lambda: Value(0.0) ** -1, r"\(0\) \*\* -1 .*0 \*\* n needs n >= 1"),
        (lambda: Value(0.0) ** 0.5, r"\(0\) \*\* 0.5 .*0 \*\* n needs n >= 1"),
        (lambda: Value(1e200) ** 2, r"the power must not overflow"),
    ],
)
def test_an_operation_without_a_finite_result_or_derivative_says_so(build, message):
    with pytest.raises(ValueError, match=message):
        build()


def test_the_edges_of_the_domains_that_are_allowed():
    assert (Value(0.0) ** 0).data == 1.0
    assert (Value(0.0) ** 1).data == 0.0
    assert (Value(-8.0) ** 3).data == -512.0
    assert Value(709.0).exp().data == pytest.approx(math.exp(709.0))
    assert Value(1e-300).log().data == pytest.approx(math.log(1e-300))


def test_a_gradient_that_overflows_in_backward_is_an_error():
    x = Value(1e-10)
    out = x * 1e308 + x * 1e308  # finite, but d(out)/dx = 2e308
    with pytest.raises(ValueError, match="backward overflowed float64"):
        out.backward()


# --- the figure ----------------------------------------------------------------------


def page_session(language):
    """What the page's session on f = qz + q prints: ``(values, grads)``."""
    text = (DOCS / language / "autograd.md").read_text(encoding="utf-8")
    session = next(
        block
        for block in re.findall(r"```pycon\n(.*?)```", text, re.DOTALL)
        if ">>> f = p + q" in block
    )

    def shown(statement):
        return ast.literal_eval(re.search(rf"^>>> {re.escape(statement)}\n(.*)$", session, re.M)[1])

    leaves = re.search(
        r"^>>> x, y, z = Value\((.*)\), Value\((.*)\), Value\((.*)\)$", session, re.M
    )
    f, p, q = shown("f.data, p.data, q.data")
    grads = shown("x.grad, y.grad, z.grad, q.grad, p.grad, f.grad")
    values = dict(zip("xyz", map(float, leaves.groups()), strict=True)) | {"f": f, "p": p, "q": q}
    return values, dict(zip("xyzqpf", grads, strict=True))


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_figure_shows_each_nodes_data_above_and_grad_below(palette):
    c = colors(palette)
    fig = FIGURES["value-graph"](c)
    f, names = reused_circuit()
    values = {names[node]: node.data for node in names}
    grads = {names[node]: node.grad for node in names}
    assert values == {"x": -2.0, "y": 5.0, "z": -4.0, "q": 3.0, "p": -12.0, "f": -9.0}
    assert grads == {"x": -3.0, "y": -3.0, "z": 3.0, "q": -3.0, "p": 1.0, "f": 1.0}
    assert labels(fig, c["cycle"][0]) == values
    assert labels(fig, c["cycle"][1]) == grads
    assert_each_value_above_its_gradient(fig, values, grads)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_figure_shows_what_the_pages_session_prints(language):
    values, grads = page_session(language)
    c = colors("light")
    fig = FIGURES["value-graph"](c)
    assert labels(fig, c["cycle"][0]) == values
    assert labels(fig, c["cycle"][1]) == grads


def test_the_figure_has_one_arrow_per_edge_of_the_graph_from_parent_to_child():
    fig = FIGURES["value-graph"](colors("light"))
    arrows = {p.get_label(): p for p in fig.axes[0].patches if isinstance(p, FancyArrowPatch)}
    f, names = reused_circuit()
    edges = {
        f"{names[parent]}-{names[node]}"
        for node in f.topological_order()
        for parent, _ in node.parents
    }
    assert sorted(arrows) == sorted(edges) == ["p-f", "q-f", "q-p", "x-q", "y-q", "z-p"]
    assert sum(label.startswith("q-") for label in arrows) == 2  # q is used twice
    place = layout(f)
    for arrow in arrows.values():
        tail, tip = arrow_ends(arrow)
        assert tip[0] > tail[0]  # from a parent to the node made from it, left to right
    by_name = {names[node]: place[node] for node in place}
    assert by_name["x"][0] == by_name["y"][0] == by_name["z"][0] == 0  # leaves first
    assert (by_name["q"][0], by_name["p"][0], by_name["f"][0]) == (1, 2, 3)  # depths


def test_the_figures_nodes_look_like_the_other_diagrams():
    fig = FIGURES["value-graph"](colors("light"))
    nodes = [p for p in fig.axes[0].patches if isinstance(p, Circle)]
    assert len(nodes) == 3 and all(node.radius == RADIUS for node in nodes)  # +, ×, +
    for arrow in (p for p in fig.axes[0].patches if isinstance(p, FancyArrowPatch)):
        assert arrow.get_mutation_scale() == HEAD_SCALE and arrow.get_linewidth() == LINE
