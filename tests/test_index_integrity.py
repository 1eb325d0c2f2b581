"""The retrieval index refuses to answer when damaged, switches atomically on rebuild, and is never written by readers.

Every test works on a private copy of the session's index (or a small rebuild of it), never on the shared one.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from chromadb.api.models.Collection import Collection

import catalog.index as index_module
from agent.pipeline import Cifra, CifraUnavailable
from catalog.index import MANIFEST, IndexManifest, IndexMissing, IndexUnusable, IndicatorIndex, build_index
from cifra.settings import REPO_ROOT, Settings

SMALL_BUILD = 100  # documents in a rebuild: enough for probes, a few seconds to embed


@pytest.fixture(scope="module")
def database_url(tmp_path_factory, built) -> str:
    """A copy of the session database: a build opens it read-write, which DuckDB refuses beside read-only engines."""
    copy = tmp_path_factory.mktemp("database") / "cifra.duckdb"
    shutil.copyfile(built[0].resolved_database_url.removeprefix("duckdb:///"), copy)
    return f"duckdb:///{copy}"


@pytest.fixture
def home(tmp_path, built) -> Settings:
    """A home whose index is a copy of the session's, published as a build publishes it (a link to a folder)."""
    folder = tmp_path / "index.v-copy"
    shutil.copytree(built[0].index_dir.resolve(), folder)
    (tmp_path / "index").symlink_to(folder.name)
    return Settings(home=tmp_path, data_dir=built[0].data_dir, database_url=built[0].resolved_database_url)


@pytest.fixture
def small_build(monkeypatch, database_url):
    """Rebuilds read the database copy and embed only the first documents, to keep them short."""
    documents = list(index_module._documents(Settings(database_url=database_url)))[:SMALL_BUILD]
    monkeypatch.setattr(index_module, "_documents", lambda settings: documents)
    return documents


def manifest(settings: Settings) -> IndexManifest:
    return IndexManifest.model_validate_json((settings.index_dir / MANIFEST).read_text(encoding="utf-8"))


def rewrite_manifest(settings: Settings, **changes) -> None:
    """What a build would have recorded had the damage happened before it looked (or a foreign build)."""
    changed = manifest(settings).model_copy(update=changes)
    (settings.index_dir / MANIFEST).write_text(changed.model_dump_json(), encoding="utf-8")


def vector_folder(folder: Path) -> Path:
    return next(path for path in folder.iterdir() if path.is_dir())


def found(index: IndicatorIndex, text: str) -> list[str]:
    return [hit.code for hit in index.search(text, limit=3)]


def file_states(settings: Settings) -> dict[str, tuple[int, str]]:
    """Every file of the published index with its modification time and content hash, and where the link points."""
    folder = settings.index_dir.resolve()
    states = {str(path.relative_to(folder)): (path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
              for path in folder.rglob("*") if path.is_file()}
    return states | {"-> link": (0, os.readlink(settings.index_dir))}


def truncate_sqlite(folder: Path) -> None:
    path = folder / "chroma.sqlite3"
    os.truncate(path, path.stat().st_size // 2)


def garble_sqlite(folder: Path) -> None:
    with open(folder / "chroma.sqlite3", "r+b") as handle:
        handle.seek(200_000)
        handle.write(b"\x5a" * 300_000)


def empty(folder: Path) -> None:
    for path in folder.iterdir():
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()


DAMAGE = {
    "deleted vector folder": lambda folder: shutil.rmtree(vector_folder(folder)),
    "truncated chroma.sqlite3": truncate_sqlite,
    "garbled chroma.sqlite3": garble_sqlite,
    "empty folder": empty,
    "no manifest": lambda folder: (folder / MANIFEST).unlink(),
}


def test_intact_copy_answers_and_cleans_up_after_itself(home, monkeypatch, tmp_path):
    private = tmp_path / "private"
    private.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(private))
    probe = manifest(home).probes[0]
    index = IndicatorIndex.open(home)
    assert found(index, probe.text)[0] == probe.code
    assert len(list(private.iterdir())) == 1  # the private copy it answers from
    index.close()
    assert not list(private.iterdir())


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE)
def test_damaged_index_is_refused(home, damage):
    damage(home.index_dir.resolve())
    with pytest.raises(IndexUnusable, match=r"Ejecuta `cifra catalog build`.*Run `cifra catalog build`"):
        IndicatorIndex.open(home)


@pytest.mark.parametrize("layout", ["nothing", "dangling link"])
def test_missing_index_is_refused(tmp_path, layout):
    if layout == "dangling link":
        (tmp_path / "index").symlink_to("index.v-gone")
    with pytest.raises(IndexMissing, match="no existe.*does not exist"):
        IndicatorIndex.open(Settings(home=tmp_path))


def test_vectors_that_do_not_match_their_texts_are_refused(home):
    """Damage the file checksums cannot see: the probes must find their cards, or nothing is answered."""
    folder = home.index_dir.resolve()
    shutil.rmtree(vector_folder(folder))
    rewrite_manifest(home, files=index_module._checksums(folder))
    with pytest.raises(IndexUnusable, match="does not find"):
        IndicatorIndex.open(home)


def test_fewer_documents_than_built_are_refused(home):
    rewrite_manifest(home, documents=manifest(home).documents + 1)
    with pytest.raises(IndexUnusable, match="documents and its build wrote"):
        IndicatorIndex.open(home)


def test_index_of_another_model_is_refused(home):
    rewrite_manifest(home, collection="indicators__another-model")
    with pytest.raises(IndexUnusable, match="another model"):
        IndicatorIndex.open(home)


def test_the_chat_does_not_start_on_a_damaged_index(home):
    shutil.rmtree(vector_folder(home.index_dir.resolve()))
    with pytest.raises(CifraUnavailable) as raised:
        Cifra(home)
    assert raised.value.part == "index" and isinstance(raised.value.__cause__, IndexUnusable)


def test_interrupted_build_publishes_nothing(home, small_build, monkeypatch, tmp_path_factory):
    """A chat during the build uses the complete old index; the half-built folder is refused and removed."""
    published = home.index_dir.resolve()
    probe = manifest(home).probes[0]
    half_built = tmp_path_factory.mktemp("half-built")
    during: list[str] = []
    add = Collection.add

    def add_then_interrupt(collection, **batch):
        add(collection, **batch)
        shutil.copytree(next(home.home.glob("index.new-*")), half_built / "index")
        during.extend(found(IndicatorIndex.open(home), probe.text))
        raise KeyboardInterrupt

    monkeypatch.setattr(Collection, "add", add_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        build_index(home)
    assert probe.code in during
    assert home.index_dir.resolve() == published
    assert not list(home.home.glob("index.new-*"))
    assert found(IndicatorIndex.open(home), probe.text)[0] == probe.code
    with pytest.raises(IndexUnusable, match="its build did not finish"):
        IndicatorIndex.open(Settings(home=half_built))


@pytest.mark.parametrize("layout", ["link", "plain folder"])
def test_rebuild_switches_atomically_while_an_open_index_keeps_answering(home, small_build, layout):
    """The plain folder is the layout of earlier versions: the first build moves it aside and links instead."""
    if layout == "plain folder":
        published = home.index_dir.resolve()
        home.index_dir.unlink()
        published.rename(home.index_dir)
    old_folder = home.index_dir.resolve()
    probe = manifest(home).probes[0]
    old = IndicatorIndex.open(home)
    (home.home / "index.new-killed").mkdir()  # what a build killed halfway leaves
    gaps = watch_while(lambda: (home.index_dir / MANIFEST).is_file(), lambda: build_index(home))
    assert gaps == 0 or layout == "plain folder"  # moving a plain folder aside is the one non-atomic step
    assert home.index_dir.is_symlink() and home.index_dir.resolve() != old_folder
    assert sorted(path.name for path in home.home.glob("index*")) == sorted(["index", os.readlink(home.index_dir)])
    assert found(old, probe.text)[0] == probe.code  # from its private copy of the removed folder
    new_probe = manifest(home).probes[0]
    assert manifest(home).documents == SMALL_BUILD
    assert found(IndicatorIndex.open(home), new_probe.text)[0] == new_probe.code


def watch_while(check, work) -> int:
    """How many times ``check`` failed in a second thread while ``work`` ran."""
    done = threading.Event()
    failures = []

    def watch() -> None:
        while not done.is_set():
            if not check():
                failures.append(1)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        work()
    finally:
        done.set()
        watcher.join()
    return len(failures)


SEARCH_IN_FRESH_PROCESS = """
from catalog.index import IndicatorIndex
from cifra.settings import Settings
index = IndicatorIndex.open(Settings())
for query in ("tasa de desempleo", "inflation in Chile", "población de Santiago"):
    print(index.search(query, limit=1)[0].code)
"""


def test_opening_and_searching_write_nothing(home):
    before = file_states(home)
    run = subprocess.run([sys.executable, "-c", SEARCH_IN_FRESH_PROCESS], cwd=REPO_ROOT, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "CIFRA_HOME": str(home.home)})
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.split()) == 3
    assert file_states(home) == before
