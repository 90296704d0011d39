"""The edge to git: a policy tree as it was at a revision, written into a scratch folder.

`plancheck diff` compares the working tree with a revision. Rather than teaching the loader to
read blobs, the revision's policy folder (and the schemas/ folder beside it, which the files'
first-line modelines point to) is exported with `git archive` and loaded like any other tree.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path, PurePosixPath

from checker.errors import PlancheckError

_GIT_TIMEOUT_SECONDS = 300


def _git(repository: Path, *arguments: str) -> bytes:
    try:
        completed = subprocess.run(
            ["git", "-C", str(repository), *arguments],
            capture_output=True, check=False, timeout=_GIT_TIMEOUT_SECONDS,
        )
    except FileNotFoundError:
        raise PlancheckError("找不到 git 命令。plancheck diff 需要安装 git。") from None
    except subprocess.TimeoutExpired:
        raise PlancheckError(f"git {arguments[0]} 超过 {_GIT_TIMEOUT_SECONDS} 秒未完成。") from None
    if completed.returncode != 0:
        detail = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PlancheckError(f"git {arguments[0]} 失败：{detail[-1] if detail else completed.returncode}")
    return completed.stdout


def repository_top(folder: Path) -> Path:
    """The top folder of the git working tree that holds folder."""
    try:
        top = _git(folder, "rev-parse", "--show-toplevel")
    except PlancheckError:
        raise PlancheckError(f"“{folder}”不在 git 仓库中。plancheck diff 只能在 git 仓库里使用。") from None
    return Path(top.decode("utf-8").strip())


def resolve(repository: Path, revision: str) -> str:
    """The commit a revision names, or a Chinese error saying it does not exist."""
    if revision.startswith("-"):
        raise PlancheckError(f"“{revision}”不是有效的 git 版本名。")
    try:
        commit = _git(repository, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except PlancheckError:
        raise PlancheckError(
            f"找不到 git 版本“{revision}”。在拉取请求中请先 git fetch 目标分支，如 origin/main。"
        ) from None
    return commit.decode("ascii").strip()


def export(repository: Path, commit: str, folders: list[PurePosixPath], into: Path) -> None:
    """Write the given folders of a commit below `into`, keeping their paths. Missing folders are skipped."""
    listed = _git(repository, "ls-tree", "--name-only", "-z", commit, "--", *(f"{f}" for f in folders))
    present = [name for name in listed.decode("utf-8").split("\0") if name]
    if not present:
        return
    archive = _git(repository, "archive", "--format=tar", commit, "--", *present)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter=_inside)


def _inside(member: tarfile.TarInfo, destination: str) -> tarfile.TarInfo | None:
    """tarfile's "data" filter, skipping (not failing on) a link that points outside the tree.

    The loader reports a missing file's consequences (e.g. an unresolvable modeline) like any other.
    """
    try:
        return tarfile.data_filter(member, destination)
    except tarfile.FilterError:
        return None
