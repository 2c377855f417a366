"""The gh-pages branch flow of the README (`make build`, then ghp-import), pushing to a local
bare repository as `origin`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project

pytestmark = pytest.mark.site

SITE_URL = "https://example.org/edition/"


def git_env() -> dict[str, str]:
    """The environment for git and the build: a fixed identity and none of the user's git
    configuration, so the test neither depends on nor changes it."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    return {**env, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
            "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}


def git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout


def test_the_built_site_is_published_on_the_gh_pages_branch(tmp_path: Path) -> None:
    env = git_env()
    project = copy_project(tmp_path / "project")
    remote = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", str(remote), cwd=tmp_path, env=env)
    git("init", "--quiet", "--initial-branch", "main", cwd=project, env=env)
    git("add", "--all", cwd=project, env=env)
    git("commit", "--quiet", "--message", "Edition", cwd=project, env=env)
    git("remote", "add", "origin", str(remote), cwd=project, env=env)

    for command in ([sys.executable, "-m", "build_tools", "publish", "site"],
                    [str(Path(sys.executable).parent / "ghp-import"), "--no-jekyll", "--push", "--force",
                     "--no-history", "site"]):
        result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
        log = result.stdout + result.stderr
        assert result.returncode == 0, log
        assert "WARNING" not in log, log

    files = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote, env=env).split("\n"))
    assert {"index.html", ".nojekyll", "404.html", "sitemap.xml", "edition.json", "edition.epub",
            "pagefind/pagefind.js"} <= files
    assert "articles/trois-defis-trump-2-0/index.html" in files
    assert "entites/donald-trump/index.html" in files
    sitemap = git("show", "gh-pages:sitemap.xml", cwd=remote, env=env)
    assert f"<loc>{SITE_URL}articles/trois-defis-trump-2-0/</loc>" in sitemap
    # --no-history: the branch is one commit, whatever was published before.
    assert git("rev-list", "--count", "gh-pages", cwd=remote, env=env).strip() == "1"
