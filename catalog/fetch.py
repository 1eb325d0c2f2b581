"""Download the statistics mirror (``CIFRA_DATA_DIR``) from the publishers, or from another mirror.

What to fetch lives in ``catalog/metadata/downloads.yaml``: each publisher's repository pinned at the
commit the project was checked against, so a fetch returns the bytes the tests expect. Files land
atomically (temporary file in the same folder, then ``os.replace``): an interrupted or failed fetch
never leaves a half-written file that a later run would take as present and skip.
"""

import os
import tempfile
from pathlib import Path
from urllib.parse import quote

import httpx
import yaml
from pydantic import BaseModel, Field
from tqdm import tqdm

MANIFEST = Path(__file__).parent / "metadata" / "downloads.yaml"
TIMEOUT = httpx.Timeout(60.0, connect=15.0)
CHUNK = 1 << 16


class FetchError(RuntimeError):
    """A file could not be downloaded; the message names the URL and the HTTP status or network error."""


class RemoteFile(BaseModel):
    """One file to download: where it goes under the data folder, and where it comes from."""

    path: str
    url: str


class FetchResult(BaseModel):
    downloaded: int
    skipped: int
    bytes: int
    data_dir: str


class _Template(BaseModel):
    """Many files with one layout (WDI: two files per indicator code), to keep the manifest short."""

    path: str
    files: list[str]
    codes: list[str]


class _Source(BaseModel):
    name: str
    folder: str
    repo: str | None = None
    commit: str | None = None
    base_url: str | None = None
    files: dict[str, str] = Field(default_factory=dict)
    template: _Template | None = None
    mirror_only: list[str] = Field(default_factory=list)

    def upstream_paths(self) -> dict[str, str]:
        """Local path (under ``folder``) -> path inside the publisher's repository."""
        paths = dict(self.files)
        if self.template:
            for code in self.template.codes:
                for file in self.template.files:
                    relative = self.template.path.format(code=code, file=file)
                    paths[relative] = relative
        return paths


def load_manifest(path: Path = MANIFEST) -> list[_Source]:
    return [_Source.model_validate(entry) for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["sources"]]


def _join(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + "/" + quote(path, safe="/")


def planned_files(base_url: str | None = None) -> list[RemoteFile]:
    """Every file to fetch. With ``base_url`` (a mirror laid out like the data folder) URLs point there;
    otherwise at the publishers, leaving out files only a mirror has (``mirror_only``)."""
    planned: list[RemoteFile] = []
    for source in load_manifest():
        upstream = source.upstream_paths()
        if upstream and not source.base_url:
            raise FetchError(f"downloads.yaml: source {source.name!r} lists files but no base_url")
        for relative in [*upstream, *(source.mirror_only if base_url else [])]:
            path = f"{source.folder}/{relative}"
            url = _join(base_url, path) if base_url else _join(str(source.base_url), upstream[relative])
            planned.append(RemoteFile(path=path, url=url))
    return planned


def _download(client: httpx.Client, remote: RemoteFile, target: Path) -> int:
    """Stream ``remote`` to a temporary file beside ``target``, then move it into place; return its size."""
    temporary: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        with os.fdopen(handle, "wb") as out, client.stream("GET", remote.url) as response:
            if response.status_code != 200:
                raise FetchError(f"{remote.url}: HTTP {response.status_code} {response.reason_phrase}")
            for chunk in response.iter_bytes(CHUNK):
                out.write(chunk)
            size = out.tell()
            expected = response.headers.get("content-length")
            if expected and not response.headers.get("content-encoding") and int(expected) != size:
                raise FetchError(f"{remote.url}: got {size} bytes, expected {expected}")
        os.replace(temporary, target)
        return size
    except httpx.HTTPError as error:
        raise FetchError(f"{remote.url}: {type(error).__name__}: {error}") from error
    except OSError as error:
        raise FetchError(f"{remote.url}: cannot write {target}: {error}") from error
    finally:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)


def fetch_all(data_dir: Path, base_url: str | None = None, force: bool = False, progress: bool = False) -> FetchResult:
    """Download every planned file into ``data_dir``, skipping those already there unless ``force``.

    Stops at the first failure with :class:`FetchError`; files completed before it stay (they are whole).
    """
    data_dir = Path(data_dir)
    planned = planned_files(base_url)
    downloaded = skipped = total = 0
    with (
        httpx.Client(timeout=TIMEOUT, follow_redirects=True, headers={"User-Agent": "cifra-data-fetch"}) as client,
        tqdm(total=len(planned), unit="file", desc="cifra data fetch", disable=not progress) as bar,
    ):
        for remote in planned:
            target = data_dir / remote.path
            if target.is_file() and not force:
                skipped += 1
            else:
                total += _download(client, remote, target)
                downloaded += 1
            bar.update()
    return FetchResult(downloaded=downloaded, skipped=skipped, bytes=total, data_dir=str(data_dir))
