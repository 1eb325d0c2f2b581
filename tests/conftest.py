"""Shared fixtures: one real catalog build per test session, and a real PostgreSQL server on demand."""

import glob
import os
import time
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import Engine

from agent.executor import read_only_engine
from catalog.build import BuildReport, build
from cifra.settings import Settings


@pytest.fixture(scope="session")
def data_dir() -> Path:
    directory = Settings().data_dir
    if not directory.is_dir():
        pytest.fail(f"the statistics mirror is missing at {directory}; set CIFRA_DATA_DIR")
    return directory


@pytest.fixture(scope="session")
def built(tmp_path_factory, data_dir) -> tuple[Settings, BuildReport]:
    """The default build (curated WDI, INE, BCCh, MDSF) in an embedded DuckDB file, with its index."""
    from catalog.index import build_index

    settings = Settings(home=tmp_path_factory.mktemp("cifra-home"), data_dir=data_dir)
    report = build(settings)
    build_index(settings)
    return settings, report


@pytest.fixture(scope="session")
def engine(built) -> Engine:
    """Read-only: DuckDB refuses a second configuration for an open file, and the executor opens it read-only."""
    engine = read_only_engine(built[0])
    yield engine
    engine.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def free_port() -> int:
    """A loopback port nobody listens on, for servers the tests start."""
    return _free_port()


SILENT_SERVER = """
import socket, sys
server = socket.create_server(("127.0.0.1", int(sys.argv[1])))
held = []
while True:
    held.append(server.accept())
"""
GARBAGE_SERVER = """
import http.server, sys
class Garbage(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"\\x00garbage{")
    do_GET = do_POST
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Garbage).serve_forever()
"""


def _serve(code: str):
    """A real server process on a free loopback port, until the test ends; yields its URL."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-c", code, str(port)])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    process.kill()
    process.wait()


@pytest.fixture
def silent_server():
    """An HTTP endpoint that accepts connections and never answers."""
    yield from _serve(SILENT_SERVER)


@pytest.fixture
def garbage_server():
    """An HTTP endpoint that answers every request with bytes that are not JSON."""
    yield from _serve(GARBAGE_SERVER)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """Start a throwaway PostgreSQL server from Debian's packages on a loopback port."""
    bin_dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not bin_dirs:
        message = "PostgreSQL server binaries not installed (apt-get install postgresql)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    bin_dir = Path(bin_dirs[-1])
    data = Path(tempfile.mkdtemp(prefix="cifra-pg-"))  # not under pytest's root-only tmp: postgres must reach it
    as_postgres: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(data, "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run([*as_postgres, bin_dir / "initdb", "-D", data, "-A", "trust", "-U", "cifra"],
                   check=True, capture_output=True)
    subprocess.run([*as_postgres, bin_dir / "pg_ctl", "-D", data, "-w", "-l", data / "server.log",
                    "-o", f"-p {port} -k {data} -c listen_addresses=127.0.0.1", "start"], check=True, capture_output=True)
    yield f"postgresql+psycopg://cifra@127.0.0.1:{port}/postgres"
    subprocess.run([*as_postgres, bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True)
    shutil.rmtree(data, ignore_errors=True)


def pytest_terminal_summary(terminalreporter, config) -> None:
    """The reliability suite's figures (tests/test_reliability.py), when it ran in this session."""
    table = Path(__file__).resolve().parent.parent / "test-artifacts" / "reliability.md"
    if table.is_file() and table.stat().st_mtime >= config._cifra_started:
        terminalreporter.write_sep("-", "reliability figures")
        terminalreporter.write_line(table.read_text(encoding="utf-8"))


def pytest_configure(config) -> None:
    config._cifra_started = time.time()


@pytest.fixture(scope="module")
def postgres_engine(built, postgres_url) -> Engine:
    """The default build written to the PostgreSQL server, opened read-only; per module, as other modules rebuild it."""
    settings = built[0].model_copy(update={"database_url": postgres_url})
    build(settings)
    engine = read_only_engine(settings)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def start_chroma(tmp_path_factory):
    """Starts real `chroma run` servers (the CLI installed with chromadb) on free loopback ports; returns
    ``start() -> (process, url)``. Each answers its heartbeat before it is returned and is stopped at the end
    of the session, unless its caller stopped it sooner."""
    import httpx

    executable = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    if executable is None:
        pytest.skip("the `chroma` command is missing: it comes with the chromadb package (pip install chromadb)")
    processes: list[subprocess.Popen] = []

    def start() -> tuple[subprocess.Popen, str]:
        folder = tmp_path_factory.mktemp("chroma-server")
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        with open(folder / "server.log", "wb") as log:
            process = subprocess.Popen([executable, "run", "--path", str(folder / "data"), "--host", "127.0.0.1",
                                        "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
        processes.append(process)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=2).status_code == 200:
                    return process, url
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        process.kill()
        pytest.fail(f"`chroma run` did not answer at {url}: {(folder / 'server.log').read_text(errors='replace')[-2000:]}")

    yield start
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def chroma_server(start_chroma) -> str:
    """The URL of a real Chroma server shared by the session's tests."""
    return start_chroma()[1]
