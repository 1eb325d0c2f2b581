"""Configuration, read from ``CIFRA_*`` environment variables.

Every field here is documented in the README's configuration table; a test keeps the two in step.
"""

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


def _default_data_dir() -> Path:
    """The shared mirror beside the checkout when it exists, else ``./data``."""
    mirror = REPO_ROOT.parent / "shared" / "data"
    return mirror if mirror.is_dir() else Path("data").resolve()


def _default_home() -> Path:
    return Path.home() / ".cache" / "cifra"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CIFRA_")

    data_dir: Path = Field(default_factory=_default_data_dir, description="Folder holding the statistics mirror.")
    home: Path = Field(default_factory=_default_home, description="Folder for the built database and index.")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL of the statistics database; default: DuckDB file in CIFRA_HOME."
    )
    chroma_url: str | None = Field(
        default=None, description="URL of a Chroma server (`chroma run`) for the index; default: embedded in CIFRA_HOME."
    )
    wdi_scope: Literal["curated", "all"] = Field(
        default="all", description="Load all 325 WDI indicators (uncurated ones described by the publisher), or only curated ones."
    )
    with_age_sex: bool = Field(
        default=False, description="Also load INE projections by single age and sex (~1.9 M rows)."
    )
    sdmx_files: list[Path] = Field(
        default_factory=list, description='SDMX files to load as well, as a JSON list of paths: ["a.csv", "b.xml"].'
    )
    model: str = Field(
        default="qwen2.5-coder-1.5b",
        description='Local model: "qwen2.5-coder-1.5b", "qwen2.5-coder-0.5b" or a path to a .gguf file.',
    )
    llm_url: str | None = Field(
        default=None, description="Base URL of an OpenAI-compatible server to use instead of the local model."
    )
    model_dir: Path = Field(
        default_factory=lambda: _default_home() / "models",
        description="Where packaged models are assembled; shared by every CIFRA_HOME (1.1 GB, built once).",
    )
    llm_threads: int | None = Field(default=None, description="CPU threads for the local model; default: all cores.")
    llm_timeout: float = Field(
        default=30.0, description="Seconds one model call may take, waiting for the server included; then rules only "
        "(a read of a question takes 15-25 s on two CPU cores, about 30 ms a prompt token)."
    )
    llm_queue: int = Field(
        default=4, description="Model calls that may wait for the local server at once; more get rules-only answers."
    )
    sql_fallback: bool = Field(
        default=False, description="Let the model write SQL for questions the plan cannot express (marked as such)."
    )
    llm_context: int = Field(default=8192, description="Context window (tokens) of the local model server.")
    llm_prompt_cache_mb: int = Field(
        default=512, description="Memory the local model server keeps for evaluated prompts, so the fixed start of each "
        "prompt is not evaluated again after a call with another prompt; 0: off."
    )
    llm_gpu_layers: int = Field(
        default=-1, description="Layers the local model offloads to a GPU when its build has one (-1: all); 0: CPU only."
    )

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"duckdb:///{self.home / 'cifra.duckdb'}"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"


@cache
def get_settings() -> Settings:
    return Settings()
