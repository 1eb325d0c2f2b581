"""The build as a whole: idempotent, all-or-nothing, and the same on PostgreSQL."""

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from catalog.build import BuildError, build, make_engine
from catalog.loaders.records import LoadError
from cifra.settings import Settings


def fingerprint(settings: Settings) -> tuple:
    """Row counts, and the sum of all values (compared approximately: engines add in other orders)."""
    engine = make_engine(settings)
    try:
        with engine.connect() as connection:
            return tuple(connection.execute(text(
                "SELECT (SELECT COUNT(*) FROM observation), (SELECT COUNT(*) FROM indicator), "
                "(SELECT COUNT(*) FROM area), (SELECT COUNT(*) FROM area_alias), (SELECT SUM(value) FROM observation)"
            )).one())
    finally:
        engine.dispose()


def mirror_with(data_dir: Path, target: Path, replacements: dict[str, str]) -> Path:
    """A copy of the mirror made of symlinks, with some files replaced by broken content."""
    shutil.copytree(data_dir, target, copy_function=os.symlink)
    for relative, content in replacements.items():
        (target / relative).unlink()
        (target / relative).write_text(content, encoding="utf-8")
    return target


@pytest.fixture
def small_build(tmp_path, data_dir) -> Settings:
    settings = Settings(home=tmp_path / "home", data_dir=data_dir, wdi_scope="curated")  # a smaller build: 4x faster
    build(settings)
    return settings


def test_rebuild_is_idempotent(small_build):
    first = fingerprint(small_build)
    build(small_build)
    assert fingerprint(small_build) == pytest.approx(first)
    assert first[0] > 100_000


def test_malformed_file_fails_before_writing(small_build, data_dir, tmp_path):
    before = fingerprint(small_build)
    header = "Country Name,Country Code,Year,Value\n"
    broken = mirror_with(data_dir, tmp_path / "broken", {
        "wdi/indicators/sp.pop.totl/data.csv": header + "Chile,CHL,2020,19458310\nChile,CHL,2021,n/a\n"})
    with pytest.raises(LoadError, match=r"sp\.pop\.totl/data\.csv:3"):
        build(small_build.model_copy(update={"data_dir": broken}))
    assert fingerprint(small_build) == pytest.approx(before)


def test_duplicate_values_roll_back_the_whole_write(small_build, data_dir, tmp_path):
    before = fingerprint(small_build)
    header = "Country Name,Country Code,Year,Value\n"
    broken = mirror_with(data_dir, tmp_path / "dup", {
        "wdi/indicators/sp.pop.totl/data.csv": header + "Chile,CHL,2020,1\nChile,CHL,2020,2\n"})
    with pytest.raises(BuildError, match="database refused"):
        build(small_build.model_copy(update={"data_dir": broken}))
    assert fingerprint(small_build) == pytest.approx(before)


def test_missing_data_dir_is_a_clear_error(tmp_path):
    with pytest.raises(BuildError, match="CIFRA_DATA_DIR"):
        build(Settings(home=tmp_path, data_dir=tmp_path / "nowhere"))


def test_sdmx_files_are_loaded_when_configured(tmp_path, data_dir):
    settings = Settings(home=tmp_path, data_dir=data_dir, wdi_scope="curated",
                        sdmx_files=[data_dir / "sdmx/demo_wdi_inflation_sdmxcsv20.csv"])
    report = build(settings)
    assert report.observations_by_source["sdmx-demo-wdi-inflation-sdmxcsv20"] == 16


@pytest.mark.postgres
def test_postgresql_build_matches_duckdb(postgres_url, small_build):
    settings = small_build.model_copy(update={"database_url": postgres_url})
    build(settings)
    build(settings)  # idempotent there too
    assert fingerprint(settings) == pytest.approx(fingerprint(small_build))
