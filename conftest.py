# The machinery that runs the fences of docs/ as tests lives in one place.
pytest_plugins = ["tests.docs_plugin"]
