"""Settings that the command line, figures, benchmarks and tests share (page: capstone).

``CAPSTONE`` is the training run that the page ``capstone`` shows: the
command line's defaults, the run its figures are drawn from, the run
``benchmarks/capstone.py`` times and the run the tests check.
"""

CAPSTONE = {
    "hidden": 100,
    "learning_rate": 0.2,
    "epochs": 300,
    "batch_size": 32,
    "seed": 0,
}
