"""The copy check: the longest run of words an editorial text shares with an excerpt."""

import subprocess
import sys

from edition.check.copycheck import entry_texts, longest_run, tokens
from tests.conftest import ROOT


def test_the_longest_shared_run_ignores_case_and_quotation_marks():
    text = tokens("From 1918 to 1930 she was secretary of the ‘Council’ of People's Commissars.")
    reference = tokens(
        "In 1917 she joined. From 1918 to 1930 she was secretary of the council of People’s Commissars"
    )
    expected = "from 1918 to 1930 she was secretary of the council of people's commissars"
    assert longest_run(text, reference) == expected.split()
    assert longest_run(tokens("nothing shared here"), reference) == []


def test_every_editorial_text_is_read(project):
    kinds = {kind for kind, _, _ in entry_texts(project / "sources")}
    assert kinds == {"glossary", "apparatus", "commentary", "chronology"}


def test_the_script_fails_on_a_run_of_ten_words_and_names_the_entry(tmp_path):
    excerpt = tmp_path / "excerpt.txt"
    excerpt.write_text(
        "Lidiia Aleksandrovna Fotieva joined the party in 1904, was arrested more than once, and so on",
        "utf-8",
    )
    run = [sys.executable, str(ROOT / "scripts" / "copycheck.py"), str(excerpt), "--glossary", "fotieva"]
    failed = subprocess.run(run, capture_output=True, text=True, check=False, cwd=ROOT)
    assert failed.returncode == 1
    assert failed.stdout.startswith("FAIL\tglossary:fotieva\t")
    passed = subprocess.run([*run, "--limit", "20"], capture_output=True, text=True, check=False, cwd=ROOT)
    assert passed.returncode == 0 and passed.stdout.startswith("ok\tglossary:fotieva\t")
