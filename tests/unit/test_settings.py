"""Settings: defaults, environment parsing, and every setting documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.settings import DEFAULT_DATA_DIR, Settings
from tests.paths import README


def test_defaults_serve_the_embedded_data():
    s = Settings()
    assert (
        s.data_dir == DEFAULT_DATA_DIR
        and (s.data_dir / "slt2020-anmeldelser-10-17-bosted.csv").exists()
    )
    assert s.warehouse_path == DEFAULT_DATA_DIR / "warehouse.duckdb"
    assert (s.host, s.port, s.debug, s.auto_build) == ("127.0.0.1", 8050, False, True)


def test_from_env_parses_types():
    s = Settings.from_env(
        {
            "SLT_PORT": "9000",
            "SLT_DEBUG": "yes",
            "SLT_DATA_DIR": "/tmp/x",
            "SLT_AUTO_BUILD": "0",
            "SLT_LANG": "en",
        }
    )
    assert s.port == 9000 and s.debug is True and s.auto_build is False
    assert s.data_dir == Path("/tmp/x") and s.warehouse_path == Path("/tmp/x/warehouse.duckdb")
    assert s.default_language == "en"


@pytest.mark.parametrize("env", [{"SLT_PORT": "eighty"}, {"SLT_DEBUG": "maybe"}])
def test_from_env_rejects_bad_values_clearly(env):
    with pytest.raises(ValueError, match="Setting"):
        Settings.from_env(env)


def test_every_setting_is_documented_in_the_readme():
    text = README.read_text(encoding="utf-8")
    for name, env, _default, help_text in Settings.documentation():
        assert f"`{env}`" in text, f"{name} ({env}) is not in the README"
        assert help_text in text, f"help text of {name} differs from the README"
