"""The computational graph that ``dlintro.Value`` records, drawn from the graph itself.

Nodes, edges, operations, values and gradients all come from a ``Value``'s
``topological_order`` and ``parents`` after ``backward``; only the names of
the nodes are given. Each edge is an arrow labelled ``"<parent>-<child>"``
(see ``_diagram``); the tests find the edges by it.
"""

from dlintro import Value
from dlintro.figures._diagram import RADIUS, Diagram
from dlintro.figures._registry import figure
from dlintro.figures.graph import GAP, GATE_SIZE, _number

COLUMN = 2.0  # inches between the columns of a graph: one per depth
SYMBOLS = {"+": "$+$", "-": "$-$", "*": r"$\times$", "/": r"$\div$"}


def layout(root):
    """``{node: (column, height)}`` of the graph ending at ``root``.

    A node's column is its depth: the longest path to it from a leaf. The
    leaves are stacked from the top in the order of the graph; every other
    node sits at the mean height of its parents.
    """
    order = root.topological_order()
    leaves = [node for node in order if not node.parents]
    place = {}
    for node in order:
        parents = list(dict.fromkeys(parent for parent, _ in node.parents))
        if parents:
            column = 1 + max(place[parent][0] for parent in parents)
            height = sum(place[parent][1] for parent in parents) / len(parents)
        else:
            column, height = 0, 1.2 * (len(leaves) - 1 - leaves.index(node))
        place[node] = (column, height)
    return place


def draw_graph(c, root, names):
    """Draw the graph ending at ``root``, after ``root.backward()``.

    Leaves are boxes with their name, operations are circles with their
    symbol; above each node its value (``names[node] = data``), below it the
    gradient of the root with respect to it.

    Parameters
    ----------
    c : dict
        The palette's colours.
    root : Value
        The output, whose ``backward`` has run.
    names : dict
        ``{Value: str}``, a one-letter name for every node of the graph.

    Returns
    -------
    matplotlib.figure.Figure
    """
    place = layout(root)
    columns = 1 + max(column for column, _ in place.values())
    top = max(height for _, height in place.values())
    x0 = 0.9  # room for the labels of the leaves
    g = Diagram(c, (0.0, 2 * x0 + COLUMN * (columns - 1)), (-0.7, top + 0.7))
    centre, out = {}, names[root]
    for node, (column, height) in place.items():
        x = x0 + COLUMN * column
        if node.parents:
            centre[node] = g.node(x, height, SYMBOLS[node.op], size=GATE_SIZE)
        else:
            centre[node] = g.box(x, height, f"${names[node]}$")
        name = names[node]
        value = f"${name} = {_number(node.data)}$"
        grad = rf"$\partial {out} / \partial {name} = {_number(node.grad)}$"
        g.text(
            x, height + RADIUS + GAP, value, va="bottom", color=c["cycle"][0]
        )
        g.text(x, height - RADIUS - GAP, grad, va="top", color=c["cycle"][1])
    for node in place:
        for parent in dict.fromkeys(parent for parent, _ in node.parents):
            label = f"{names[parent]}-{names[node]}"
            g.arrow(centre[parent], centre[node], label=label)
    return g.fig


def reused_circuit(x=-2.0, y=5.0, z=-4.0):
    """``f = qz + q`` with ``q = x + y``, after backward: ``(f, {Value: name})``."""
    x, y, z = Value(x), Value(y), Value(z)
    q = x + y
    p = q * z
    f = p + q  # q is used twice: by the product and by the sum
    f.backward()
    return f, {x: "x", y: "y", z: "z", q: "q", p: "p", f: "f"}


@figure("value-graph", page="autograd")
def value_graph(c):
    """The graph of ``f = (x + y) z + (x + y)`` at ``(-2, 5, -4)``, from ``Value``.

    Parameters
    ----------
    c : dict
        The palette's colours (see ``_style.PALETTES``).

    Returns
    -------
    matplotlib.figure.Figure
    """
    f, names = reused_circuit()
    return draw_graph(c, f, names)
