"""Each language is a build of its own, with its own search index.

The Korean build (mkdocs.yml) starts every other language's build (an entry of
``extra.alternate`` that names a ``config``) in a process of its own, into its
folder of the site, as soon as the site folder has been cleaned; the two
languages are built side by side and the Korean build waits for the others at
its end. The language switcher points at the current page in each language.
"""

import os
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

_builds = []  # (language, process) started by this build


def on_config(config):
    # Keep each language's root link; on_page_context derives per-page links from it.
    for alt in config.extra["alternate"]:
        alt.setdefault("root", alt["link"])
    return config


def on_files(files, config):
    # After mkdocs has cleaned site_dir, which holds the other languages' folders.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for alt in config.extra["alternate"]:
        if "config" not in alt:
            continue
        env.pop("SITE_URL", None)
        if config.site_url:
            env["SITE_URL"] = config.site_url + alt["root"]
        command = [
            sys.executable, "-m", "mkdocs", "build", "--quiet",
            "--config-file", str(Path(config.config_file_path).parent / alt["config"]),
            "--site-dir", str(Path(config.site_dir) / alt["root"]),
        ]  # fmt: skip
        if config.strict:
            command.append("--strict")
        _builds.append((alt["lang"], subprocess.Popen(command, env=env)))
    return files


def on_page_context(context, page, config, nav):
    # With use_directory_urls off, page.url is e.g. "softmax.html", the same
    # file name in every language.
    for alt in config.extra["alternate"]:
        alt["link"] = alt["root"] + page.url
    return context


def on_post_build(config):
    failed = [language for language, build in _builds if build.wait() != 0]
    _builds.clear()
    if failed:
        raise PluginError(f"the build of {', '.join(failed)} failed (see its messages above)")


def on_build_error(error):
    for _, build in _builds:
        build.kill()
        build.wait()
    _builds.clear()
