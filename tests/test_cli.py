"""python -m dlintro: the capstone's run from the command line (dlintro/cli.py).

Also the promise of both commands (``python -m dlintro`` and
``python -m dlintro.figures``) under hostile input: an exit status that
says what happened (0 success, 1 failure, 2 bad option, 130 interrupted),
one line on stderr naming the cause, never a traceback, nothing at all when
the reader of the output has gone away, and sizes capped with a message
that gives the cap.
"""

import re
import signal
import subprocess
import sys

import numpy as np
import pytest

import dlintro.cli
from dlintro import MLP, softmax_cross_entropy, spiral, train
from dlintro.cli import MAX_EPOCHS, MAX_HIDDEN, main
from dlintro.figures.__main__ import main as figures_main
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


def test_hidden_zero_is_the_linear_model(capsys):
    main(["--hidden", "0", "--epochs", "2"])
    out = capsys.readouterr().out
    assert out.startswith("MLP([2, 3]): 9 parameters")


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


# The table: what each command line gets, in-process, and the last line on
# stderr. A status of 2 comes from argparse (usage, then the error line); a
# status of 1 is that one line alone.
ERROR = "dlintro-train: error:"
LOWER = "lower --learning-rate"
CLI_TABLE = [
    # training that diverges, or makes the loss worse
    (
        ["--learning-rate", "1e300", "--epochs", "20"],
        1,
        f"dlintro-train: training diverged in epoch 1 (a value overflowed): {LOWER} (got 1e+300)",
    ),
    (
        ["--learning-rate", "1e200", "--epochs", "1", "--batch-size", "300"],
        1,
        f"dlintro-train: training diverged in epoch 1 (a value overflowed): {LOWER} (got 1e+200)",
    ),
    (
        ["--learning-rate", "1e100", "--epochs", "1", "--batch-size", "300"],
        1,
        f"dlintro-train: training raised the loss from 1.0991 to 8.104e+195: {LOWER} (got 1e+100)",
    ),
    (
        ["--learning-rate", "1e3", "--epochs", "20"],
        1,
        f"dlintro-train: training raised the loss from 1.0991 to 427.1256: {LOWER} (got 1000)",
    ),
    (
        ["--learning-rate", "50", "--epochs", "3", "--hidden", "5"],
        1,
        f"dlintro-train: training raised the loss from 1.0989 to 25.3800: {LOWER} (got 50)",
    ),
    # sizes beyond the caps, and numbers too large for any cap
    *[
        (
            ["--epochs", epochs],
            2,
            f"{ERROR} argument --epochs: must be at least 1 and at most {MAX_EPOCHS}, got {shown}",
        )
        for epochs, shown in [
            ("1000000000000000000", "1000000000000000000"),
            ("10000000000000000000", "10000000000000000000"),
            ("100000000000000000000000", "100000000000000000000000"),
            ("1" + "0" * 30, "1e+30"),  # a long number is cut
        ]
    ],
    (
        ["--hidden", "2" + "0" * 20],
        2,
        f"{ERROR} argument --hidden: must be at least 0 and at most {MAX_HIDDEN}, "
        "got 200000000000000000000",
    ),
    (
        ["--seed", "9" * 5000],  # int() refuses strings of over 4300 digits
        2,
        f"{ERROR} argument --seed: expected int, got '999999999999999999999...'",
    ),
    # values that start with "-", which argparse would take for options
    *[
        (
            ["--learning-rate", value],
            2,
            f"{ERROR} argument --learning-rate: must be more than 0, got {value}",
        )
        for value in ("-inf", "-1e-3", "-0.5", "-nan", "-0")
    ],
    (["--hidden", "-1e3"], 2, f"{ERROR} argument --hidden: expected int, got '-1e3'"),
    # other bad options
    *[
        (argv, 2, f"{ERROR} argument {message}")
        for argv, message in [
            (["--hidden", "-1"], "--hidden: must be at least 0 and at most 10000, got -1"),
            (["--hidden", "20000"], "--hidden: must be at least 0 and at most 10000, got 20000"),
            (["--epochs", "0"], "--epochs: must be at least 1 and at most 1000000, got 0"),
            (["--batch-size", "1.5"], "--batch-size: expected int, got '1.5'"),
            (["--learning-rate", "0"], "--learning-rate: must be more than 0, got 0"),
            (["--learning-rate", "nan"], "--learning-rate: must be more than 0, got nan"),
            (["--seed", "-1"], "--seed: must be at least 0, got -1"),
        ]
    ],
    *[
        (["--learning-rate", value], 2, f"{ERROR} argument --learning-rate: {message}")
        for value, message in [
            ("inf", "must be more than 0, got inf"),
            ("1e400", "must be more than 0, got 1e400"),
            ("x", "expected float, got 'x'"),
        ]
    ],
    (["--epochs"], 2, f"{ERROR} argument --epochs: expected one argument"),
    (["--bogus"], 2, f"{ERROR} unrecognized arguments: --bogus"),
    (["3"], 2, f"{ERROR} unrecognized arguments: 3"),
]


@pytest.mark.parametrize("argv, status, line", CLI_TABLE, ids=lambda v: str(v)[:40])
def test_every_failure_is_one_line_with_a_status(argv, status, line, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv, prog="dlintro-train")
    assert exit_info.value.code == status
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.endswith("\n") and err.splitlines()[-1] == line
    if status == 1:
        assert err.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["--epochs", "2", "--hidden", "5"],
        ["--epochs=2", "--learning-rate=0.5"],
        ["--epochs", "2", "--batch-size", "1" + "0" * 30],  # larger than the data: all of it
        ["--epochs", "1", "--seed", str(2**100)],
        ["--epochs", "2", "--hidden", "0", "--learning-rate", "1e-9"],  # barely moves
    ],
)
def test_success_is_status_0_and_nothing_on_stderr(argv, capsys):
    assert main(argv, prog="dlintro-train") is None  # no SystemExit: status 0
    out, err = capsys.readouterr()
    assert err == "" and out.splitlines()[-2].startswith("final loss ")


@pytest.mark.parametrize(
    "error, status, line",
    [
        (KeyboardInterrupt(), 130, "dlintro-train: interrupted"),
        (MemoryError(), 1, "dlintro-train: out of memory: try a smaller --hidden"),
        (RuntimeError("a bug"), 1, "dlintro-train: unexpected RuntimeError: a bug"),
    ],
)
def test_interruptions_and_bugs_are_one_line_too(error, status, line, capsys, monkeypatch):
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(dlintro.cli, "train", fail)
    with pytest.raises(SystemExit) as exit_info:
        main(["--epochs", "2"], prog="dlintro-train")
    assert exit_info.value.code == status
    assert capsys.readouterr().err == line + "\n"


def test_help_exits_0(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"], prog="dlintro-train")
    assert exit_info.value.code == 0
    help_text = capsys.readouterr().out
    assert help_text.startswith("usage: dlintro-train")
    assert "130 when interrupted" in " ".join(help_text.split())


def _default_ctrl_c():
    # A shell starts a background job (`pytest &`) with SIGINT ignored, and the
    # child would inherit that; a reader's terminal delivers Ctrl-C.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _command(*args):
    """``python -m dlintro ARGS``, unbuffered, its output read through pipes."""
    return subprocess.Popen(
        [sys.executable, "-u", "-m", "dlintro", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_ctrl_c,
    )


def test_silent_when_the_reader_goes_away():
    # As in `python -m dlintro | head -0`: the pipe is closed before the
    # first line is written.
    process = _command("--epochs", "3")
    process.stdout.close()
    with process.stderr:
        err = process.stderr.read()
    assert process.wait(timeout=60) == 1
    assert err == ""


def test_ctrl_c_exits_130_with_one_line():
    process = _command("--epochs", str(MAX_EPOCHS))
    try:
        assert process.stdout.readline().startswith("MLP(")  # training has started
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()  # a million epochs must not outlive a failure
    assert process.returncode == 130
    assert err == "python -m dlintro: interrupted\n"


@pytest.mark.parametrize("where", ["file", "file/below"])
def test_figures_refuse_an_outdir_that_cannot_be_a_directory(where, tmp_path, capsys):
    (tmp_path / "file").write_text("not a directory")
    with pytest.raises(SystemExit) as exit_info:
        figures_main([str(tmp_path / where)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert re.fullmatch(
        r"python -m dlintro\.figures: error: (outdir .*file exists and is not a directory"
        r"|cannot make outdir .*below: Not a directory)",
        err.splitlines()[-1],
    )
    assert (tmp_path / "file").read_text() == "not a directory"
