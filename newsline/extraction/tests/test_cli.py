"""The command line, run as a subprocess: JSON on stdout, one error line and status 2."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "demo" / "seeds" / "004_04d52933f8dd98a8.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsline.extraction", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_seed_file_prints_event_json():
    proc = run(str(SEED), "--published", "2016-09-07", "--url", "https://example.org/a")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    types = {(e["type"], e["date"]) for e in data["events"]}
    assert ("call", "2016-09-07") in types
    assert ("meeting", "2016-09-08") in types
    assert "لافروف" in proc.stdout  # ensure_ascii=False
    assert all(s["origin"] == "https://example.org/a" for e in data["events"] for s in e["sources"])


def test_empty_file_is_a_clear_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run(str(empty))
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:")


def test_binary_file_is_a_clear_error(tmp_path):
    blob = tmp_path / "photo.txt"
    blob.write_bytes(bytes(range(256)) * 20)
    proc = run(str(blob))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1


def test_missing_file_and_bad_date():
    proc = run("/nonexistent/article.txt")
    assert proc.returncode == 2
    assert proc.stderr.startswith("error:")
    proc = run(str(SEED), "--published", "7/9/2016")
    assert proc.returncode == 2
