"""Permanent paragraph numbers: the lock keeps ids through wording changes,
inserts and deletions, and stops the build when ids would change."""

import subprocess
import sys

import pytest
from conftest import edit, unlock_received

from edition.errors import EditionError
from edition.pipeline.load import load


def run(root, *args):
    return subprocess.run(
        [sys.executable, "-m", "edition.cli", "--root", str(root), *args], capture_output=True, text=True
    )


def labels(project):
    return [b.number for b in load(project).chapter.blocks]


def test_the_lock_numbers_the_chapter_1_to_n(edition):
    assert [b.number for b in edition.chapter.blocks] == [str(i) for i in range(1, 108)]


def test_a_change_of_wording_keeps_the_id(project):
    text = unlock_received(project)
    edit(text, "Society was sinking into a cesspool.", "Society was sinking into a swamp.")
    before = labels(project)
    assert before[17] == "18"  # ¶18 is the reworded block, and the build accepts it
    result = run(project, "lock")
    assert result.returncode == 0 and "wording changed, id kept: ¶18" in result.stdout


def test_an_inserted_block_gets_a_lettered_id_and_nothing_moves(project):
    text = unlock_received(project)
    edit(
        text,
        "Society was sinking into a cesspool.\n",
        "Society was sinking into a cesspool.\n\nA new paragraph.\n",
    )
    with pytest.raises(
        EditionError,
        match=r"paragraphs.lock: paragraph ids would change \(new ¶18a\); run `edition lock --accept`",
    ):
        load(project)
    assert run(project, "lock").returncode == 1
    accepted = run(project, "lock", "--accept")
    assert accepted.returncode == 0 and "new ¶18a" in accepted.stdout
    numbers = labels(project)
    assert numbers[17:20] == ["18", "18a", "19"] and numbers[-1] == "107"


def test_a_deleted_block_is_retired_and_never_reused(project):
    text = unlock_received(project)
    edit(text, "Society was sinking into a cesspool.\n\n", "")
    with pytest.raises(EditionError, match=r"retired ¶18"):
        load(project)
    assert run(project, "lock", "--accept").returncode == 0
    numbers = labels(project)
    assert "18" not in numbers and numbers[16:18] == ["17", "19"]
    assert "p18" in (project / "sources" / "paragraphs.lock").read_text("utf-8").split("retired:")[1]
    # a block inserted in the same place later gets a new id, not the retired one
    edit(text, "The fall in real wages", "Something new.\n\nThe fall in real wages")
    assert run(project, "lock", "--accept").returncode == 0
    numbers = labels(project)
    assert numbers[16:19] == ["17", "17a", "19"]


def test_build_without_a_lock_names_the_command(project):
    (project / "sources" / "paragraphs.lock").unlink()
    result = run(project, "build")
    assert result.returncode == 1 and "run `edition lock` to create it" in result.stderr
