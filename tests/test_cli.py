"""python -m dlintro: the capstone's run from the command line (dlintro/cli.py)."""

import re
import subprocess
import sys

import numpy as np
import pytest

from dlintro import MLP, softmax_cross_entropy, spiral, train
from dlintro.cli import main
from tests.paths import DOCS

TIME = re.compile(r"^trained in \d+\.\d\d s$", re.M)  # the one line that varies


def console_block(language):
    """The command and the output of the capstone page's ```console block."""
    page = (DOCS / language / "capstone.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"^```console\n(.*?)^```$", page, re.S | re.M)
    command, output = block.split("\n", 1)
    return command, output


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_page_shows_what_the_command_prints(language, capsys):
    command, shown = console_block(language)
    assert command == "$ python -m dlintro"
    main([])
    printed = capsys.readouterr().out
    assert TIME.search(shown) and TIME.search(printed)
    assert TIME.sub("trained in ...", printed) == TIME.sub("trained in ...", shown)


def test_progress_in_steps_is_one_training_run(capsys):
    # 7 epochs report after each epoch; the model must end where one call to
    # train() with the same seed ends.
    main(["--hidden", "20", "--epochs", "7", "--batch-size", "50", "--seed", "3"])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in lines[1:9]] == [f"{e}/7" for e in range(8)]
    X, labels = spiral(num_classes=3, points_per_class=100, rng=3)
    model = MLP([2, 20, 3], rng=3)
    train(model, X, labels, learning_rate=0.2, epochs=7, batch_size=50, rng=3)
    loss, _ = softmax_cross_entropy(model.forward(X), labels)
    assert lines[-2].startswith(f"final loss {loss:.4f},")


@pytest.mark.parametrize(
    "epochs, reported", [(300, list(range(0, 301, 30))), (25, None), (3, None)]
)
def test_progress_after_each_tenth_of_the_epochs(epochs, reported, capsys):
    main(["--hidden", "5", "--epochs", str(epochs)])
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("epoch")]
    shown = [int(line.split()[1].split("/")[0]) for line in lines]
    expected = sorted({round(epochs * k / 10) for k in range(11)})
    assert shown == (reported or expected)
    assert len(shown) == min(epochs, 10) + 1


def test_divergence_is_reported_not_a_traceback(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--learning-rate", "1e300", "--epochs", "20"], prog="dlintro-train")
    assert exit_info.value.code == 1
    assert capsys.readouterr().err.startswith("diverged before epoch ")


def test_hidden_zero_is_the_linear_model(capsys):
    main(["--hidden", "0", "--epochs", "2"])
    out = capsys.readouterr().out
    assert out.startswith("MLP([2, 3]): 9 parameters")


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--hidden", "-1"], "argument --hidden: must be at least 0 and at most 10000, got -1"),
        (["--hidden", "20000"], "argument --hidden: must be at least 0 and at most 10000"),
        (["--epochs", "0"], "argument --epochs: must be at least 1, got 0"),
        (["--batch-size", "1.5"], "argument --batch-size: expected int, got '1.5'"),
        (["--learning-rate", "0"], "argument --learning-rate: must be more than 0, got 0"),
        (["--learning-rate", "nan"], "argument --learning-rate: must be more than 0, got nan"),
        (["--seed", "-1"], "argument --seed: must be at least 0, got -1"),
    ],
)
def test_bad_options_name_the_option(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_runs_as_a_module():
    result = subprocess.run(
        [sys.executable, "-m", "dlintro", "--epochs", "3"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "MLP([2, 100, 3]): 603 parameters, 300 points"
    assert lines[-2].startswith("final loss ") and TIME.match(lines[-1])
    assert np.isclose(float(lines[1].split()[-1]), 1.0991)


def test_console_script_is_main():
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="dlintro-train")
    assert script.load() is main
