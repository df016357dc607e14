"""`chorus exercises new | import | list --json` from a coach's point of view."""

import json
from pathlib import Path

from tests.cli.conftest import chorus, describe, succeeded


def test_new_validate_import_and_list(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    starter = tmp_path / "team_round.toml"
    assert succeeded(chorus("exercises", "new", "team_round", "-o", starter)).strip() == str(
        starter
    )
    assert "1 file(s) valid" in succeeded(chorus("exercises", "validate", starter))

    broken = tmp_path / "broken.toml"
    broken.write_text(starter.read_text().replace("minutes = 30", "minutes = 0"))
    refused = chorus("exercises", "import", starter, broken, data_dir=data_dir)
    assert refused.returncode == 1, describe(refused)
    assert "imported team_round" in refused.stdout
    assert f"{broken}:" in refused.stdout and "minutes" in refused.stdout
    assert refused.stderr == "chorus: 1 file(s) not imported\n"

    listed = json.loads(succeeded(chorus("exercises", "list", "--json", data_dir=data_dir)))
    sources = {record["key"]: record["source"] for record in listed}
    assert sources["team_round"] == str(data_dir / "exercises" / "team_round.toml")
    assert sources["recall_great_collaboration"] == "built-in"
    assert {"key", "title", "version", "minutes", "source"} <= set(listed[0])
    assert sorted(p.name for p in (data_dir / "exercises").iterdir()) == ["team_round.toml"]
