"""``cifra data fetch`` against a real HTTP server on 127.0.0.1 serving the shared mirror (no other network)."""

import filecmp
import functools
import re
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from catalog.fetch import FetchError, FetchResult, fetch_all, load_manifest, planned_files

SAMPLE = [
    "country-codes/data/country-codes.csv",
    "wdi/indicators/ny.gdp.pcap.cd/data.csv",
    "wdi/indicators/ny.gdp.pcap.cd/datapackage.json",
    "chile/bcch/pib_regional.csv",
    "chile/ine_proyecciones/proyecciones_comuna_anio_edad_sexo.parquet",
    "sdmx/sdmxml30_ECB_EXR_dsd.xml",
]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep pytest output clean
        pass


class TruncatingHandler(QuietHandler):
    """Announces the whole file but sends half of it, then hangs up: a download cut off mid-way."""

    cut = "/chile/bcch/uf.csv"

    def do_GET(self) -> None:
        if self.path != self.cut:
            return super().do_GET()
        body = Path(self.translate_path(self.path)).read_bytes()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.wfile.flush()
        self.close_connection = True


def start_server(directory: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> tuple[str, Callable[[], None]]:
    """Serve ``directory`` on 127.0.0.1 (free port) in a thread; return its URL and a stop function."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)

    return f"http://127.0.0.1:{server.server_address[1]}/", stop


@pytest.fixture
def serve(request: pytest.FixtureRequest) -> Callable[..., str]:
    def start(directory: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> str:
        url, stop = start_server(directory, handler)
        request.addfinalizer(stop)
        return url

    return start


@pytest.fixture(scope="module")
def mirror_url(data_dir: Path) -> Iterator[str]:
    url, stop = start_server(data_dir)
    yield url
    stop()


@pytest.fixture(scope="module")
def fetched(tmp_path_factory: pytest.TempPathFactory, mirror_url: str) -> tuple[Path, FetchResult]:
    """One full fetch of the mirror over HTTP into an empty folder."""
    target = tmp_path_factory.mktemp("fetched")
    return target, fetch_all(target, base_url=mirror_url, progress=True)


def leftovers(folder: Path) -> list[Path]:
    """Temporary files a download could have left behind."""
    return [path for path in folder.rglob("*") if path.name.startswith(".") or path.name.endswith(".part")]


def prefill(target: Path, data_dir: Path, base_url: str, missing: set[str]) -> None:
    """Make every planned file present in ``target`` (as a link to the mirror) except ``missing``."""
    for remote in planned_files(base_url):
        if remote.path not in missing:
            (target / remote.path).parent.mkdir(parents=True, exist_ok=True)
            (target / remote.path).symlink_to(data_dir / remote.path)


def test_fetch_downloads_every_file_byte_identical(fetched: tuple[Path, FetchResult], data_dir: Path, mirror_url: str) -> None:
    target, result = fetched
    planned = planned_files(mirror_url)
    assert result.downloaded == len(planned) and result.skipped == 0
    assert result.data_dir == str(target)
    assert result.bytes == sum((data_dir / remote.path).stat().st_size for remote in planned)
    for remote in planned:
        assert (target / remote.path).stat().st_size == (data_dir / remote.path).stat().st_size, remote.path
    for relative in SAMPLE:
        assert filecmp.cmp(target / relative, data_dir / relative, shallow=False), relative
    assert leftovers(target) == []


def test_second_fetch_skips_everything_and_force_downloads_again(fetched: tuple[Path, FetchResult], mirror_url: str) -> None:
    target, first = fetched
    again = fetch_all(target, base_url=mirror_url)
    assert (again.downloaded, again.skipped, again.bytes) == (0, first.downloaded, 0)

    (target / "chile/bcch/uf.csv").unlink()
    one = fetch_all(target, base_url=mirror_url)
    assert (one.downloaded, one.skipped) == (1, first.downloaded - 1)
    assert one.bytes == (target / "chile/bcch/uf.csv").stat().st_size


def test_missing_file_on_the_server_raises_and_leaves_no_partial_file(tmp_path: Path, data_dir: Path, serve) -> None:
    lost = "chile/bcch/uf.csv"
    served = tmp_path / "served"
    prefill(served, data_dir, "http://unused/", missing={lost})
    base_url = serve(served)
    target = tmp_path / "data"
    prefill(target, data_dir, base_url, missing={lost, "chile/bcch/ipc.csv"})

    with pytest.raises(FetchError, match=re.escape(f"{base_url}{lost}") + ".*404"):
        fetch_all(target, base_url=base_url)
    assert (target / "chile/bcch/ipc.csv").is_file()  # fetched before the failure, whole
    assert not (target / lost).exists()
    assert leftovers(target) == []


def test_download_cut_off_midway_raises_and_leaves_no_partial_file(tmp_path: Path, data_dir: Path, serve) -> None:
    base_url = serve(data_dir, TruncatingHandler)
    target = tmp_path / "data"
    prefill(target, data_dir, base_url, missing={"chile/bcch/uf.csv"})

    with pytest.raises(FetchError, match=re.escape(f"{base_url}chile/bcch/uf.csv")):
        fetch_all(target, base_url=base_url, force=False)
    assert not (target / "chile/bcch/uf.csv").exists()
    assert leftovers(target) == []


def test_unreachable_server_raises_fetch_error_naming_the_url(tmp_path: Path, data_dir: Path) -> None:
    with socket.socket() as probe:  # a port on 127.0.0.1 that nobody listens on
        probe.bind(("127.0.0.1", 0))
        base_url = f"http://127.0.0.1:{probe.getsockname()[1]}/"
    prefill(tmp_path, data_dir, base_url, missing={"sdmx/sdmxml30_ECB_EXR_data.xml"})

    with pytest.raises(FetchError, match=re.escape(f"{base_url}sdmx/sdmxml30_ECB_EXR_data.xml") + ".*ConnectError"):
        fetch_all(tmp_path, base_url=base_url)
    assert leftovers(tmp_path) == []


def test_manifest_points_at_the_pinned_publisher_commits(data_dir: Path) -> None:
    """Every publisher URL is https, on raw.githubusercontent.com, at the commit the mirror README names."""
    pins = dict(re.findall(r"`([\w.-]+/[\w.-]+)` @ ([0-9a-f]{40})", (data_dir / "README.md").read_text(encoding="utf-8")))
    sources = [source for source in load_manifest() if source.repo]
    assert {source.repo for source in sources} == set(pins)
    for source in sources:
        assert source.commit == pins[source.repo], source.name
        assert source.base_url == f"https://raw.githubusercontent.com/{source.repo}/{source.commit}"
    bases = tuple(f"{source.base_url}/" for source in sources)
    for remote in planned_files():
        assert remote.url.startswith("https://") and remote.url.startswith(bases), remote
        assert " " not in remote.url and remote.url.isascii(), remote.url


def test_manifest_covers_the_mirror(data_dir: Path) -> None:
    """Planned paths are the mirror's files; WDI: data.csv and datapackage.json of every indicator folder."""
    planned = {remote.path for remote in planned_files("http://127.0.0.1/")}
    assert all((data_dir / path).is_file() for path in planned)
    codes = {path.name for path in (data_dir / "wdi" / "indicators").iterdir() if (path / "data.csv").is_file()}
    wdi = {path for path in planned if path.startswith("wdi/")}
    assert wdi == {f"wdi/indicators/{code}/{file}" for code in codes for file in ("data.csv", "datapackage.json")}
    publisher = {remote.path for remote in planned_files()}
    assert planned - publisher == {"sdmx/demo_wdi_inflation_sdmxcsv20.csv"}  # built for Cifra, published nowhere
    assert "http://127.0.0.1/chile/bcch/uf.csv" in {remote.url for remote in planned_files("http://127.0.0.1/")}
