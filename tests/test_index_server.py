"""The retrieval index on a real Chroma server (`chroma run`, started by tests/conftest.py): built into a new
versioned collection, published by one pointer update, read and checked as on disk, refused when unusable.

Builds embed only the first documents of a copy of the session's database, to keep them short.
"""

import os
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from datetime import UTC, datetime

import chromadb
import pytest

import catalog.index as index_module
from catalog.index import (
    COLLECTION, MANIFEST_KEY, POINTER, SERVER_VERSION, IndexManifest, IndexMissing, IndexUnusable, IndicatorIndex,
    build_index,
)
from cifra.settings import REPO_ROOT, Settings

SMALL_BUILD = 100  # documents in a build: enough for probes, a few seconds to embed
UNUSABLE = r"Ejecuta `cifra catalog build`.*Run `cifra catalog build`"


@pytest.fixture(scope="module")
def documents(tmp_path_factory, built) -> list:
    """The first documents of a copy of the session database (a build opens it read-write)."""
    copy = tmp_path_factory.mktemp("database") / "cifra.duckdb"
    shutil.copyfile(built[0].resolved_database_url.removeprefix("duckdb:///"), copy)
    return list(index_module._documents(Settings(database_url=f"duckdb:///{copy}")))[:SMALL_BUILD]


@pytest.fixture
def small(monkeypatch, documents) -> list:
    monkeypatch.setattr(index_module, "_documents", lambda settings: documents)
    return documents


@pytest.fixture
def server(small, chroma_server, tmp_path) -> Settings:
    """Settings for the shared server, with a published index (built again when an earlier test damaged it)."""
    settings = Settings(home=tmp_path, chroma_url=chroma_server)
    try:
        IndicatorIndex.open(settings).close()
    except IndexUnusable:
        build_index(settings)
    return settings


@pytest.fixture
def client(chroma_server):
    client = chromadb.HttpClient(host="127.0.0.1", port=int(chroma_server.rsplit(":", 1)[1]),
                                 settings=chromadb.Settings(anonymized_telemetry=False))
    yield client
    client.close()


def published(client) -> str:
    return client.get_collection(POINTER, embedding_function=None).metadata["collection"]


def versions(client) -> set[str]:
    return {collection.name for collection in client.list_collections() if SERVER_VERSION.match(collection.name)}


def manifest(client, name: str) -> IndexManifest:
    return IndexManifest.model_validate_json(client.get_collection(name, embedding_function=None).metadata[MANIFEST_KEY])


def own_phrasings(documents: list) -> dict[str, str]:
    """For each card, its longest text that no other card has."""
    codes_by_text: dict[str, set[str]] = defaultdict(set)
    for _, text, metadata in documents:
        codes_by_text[text].add(metadata["code"])
    own: dict[str, str] = {}
    for text, codes in sorted(codes_by_text.items()):
        code = next(iter(codes))
        if len(codes) == 1 and len(text) > len(own.get(code, "")):
            own[code] = text
    return own


def test_build_publishes_one_checked_version_and_writes_nothing_at_home(small, chroma_server, client, tmp_path):
    summary = build_index(Settings(home=tmp_path, chroma_url=chroma_server))
    assert SERVER_VERSION.match(summary.collection) and summary.collection.startswith(f"{COLLECTION}__v-")
    assert published(client) == summary.collection
    assert versions(client) == {summary.collection}  # the one it replaced, if any, is gone
    assert summary.documents == SMALL_BUILD == manifest(client, summary.collection).documents
    assert manifest(client, summary.collection).files == {}
    assert [path.name for path in tmp_path.iterdir()] == [".index.lock"]  # no index folder in the home


def test_search_finds_cards_by_their_phrasing_as_the_embedded_index_does(server, small, tmp_path):
    on_server = IndicatorIndex.open(server)
    phrasings = sorted(own_phrasings(small).items())
    for code, text in phrasings[:: max(1, len(phrasings) // 6)]:
        assert on_server.search(text, limit=3)[0].code == code, text
    on_disk_settings = Settings(home=tmp_path / "disk")
    build_index(on_disk_settings)
    on_disk = IndicatorIndex.open(on_disk_settings)
    for query in ("tasa de desempleo", "GDP per capita", phrasings[0][1]):
        server_hits, disk_hits = on_server.search(query), on_disk.search(query)
        assert [hit.code for hit in server_hits] == [hit.code for hit in disk_hits]
        assert [hit.score for hit in server_hits] == pytest.approx([hit.score for hit in disk_hits], abs=1e-3)
    on_server.close()
    on_disk.close()


def test_rebuild_publishes_a_new_version_and_deletes_the_old_one(server, small, client):
    old = published(client)
    code, text = sorted(own_phrasings(small).items())[0]
    reader = IndicatorIndex.open(server)
    stale = f"{COLLECTION}__v-20200101T000000-abcdef"  # left by a build killed long ago
    running = f"{COLLECTION}__v-{datetime.now(UTC):%Y%m%dT%H%M%S}-fedcba"  # another build's, still filling
    for name in (stale, running):
        client.create_collection(name, embedding_function=None)
    opened: list[str] = []
    failures: list[str] = []
    done = threading.Event()

    def keep_opening() -> None:
        while not done.is_set():
            try:
                index = IndicatorIndex.open(server)
                opened.append(index._collection.name)
                index.close()
            except IndexUnusable as error:
                failures.append(str(error))

    watcher = threading.Thread(target=keep_opening)
    watcher.start()
    try:
        summary = build_index(server)
    finally:
        done.set()
        watcher.join()
    new = published(client)
    assert new == summary.collection != old
    assert versions(client) == {new, running}  # the replaced version and the stale leftover are deleted
    assert failures == [] and old in opened  # a reader always found a complete version
    assert reader.search(text, limit=3)[0].code == code  # its version is gone: it followed the pointer
    assert reader._collection.name == new
    assert IndicatorIndex.open(server).search(text, limit=3)[0].code == code
    client.delete_collection(running)


def test_deleted_published_collection_is_refused(server, client):
    name = published(client)
    client.delete_collection(name)
    with pytest.raises(IndexMissing, match=f"{name}.*no existe.*does not exist"):
        IndicatorIndex.open(server)


def test_incomplete_or_short_versions_are_refused(server, client):
    """A pointer at a version without its manifest (a build that did not finish), then at one missing documents."""
    good = published(client)
    pointer = client.get_collection(POINTER, embedding_function=None)
    broken = f"{COLLECTION}__v-{datetime.now(UTC):%Y%m%dT%H%M%S}-0badc0"
    client.create_collection(broken, embedding_function=index_module.E5Embedding(),
                             configuration={"hnsw": {"space": "cosine"}})
    try:
        pointer.modify(metadata={"collection": broken})
        with pytest.raises(IndexUnusable, match=f"{broken}.*{MANIFEST_KEY} is missing: its build did not finish"):
            IndicatorIndex.open(server)
        complete = client.get_collection(good, embedding_function=None).metadata
        client.get_collection(broken, embedding_function=None).modify(metadata=complete)
        with pytest.raises(IndexUnusable, match=f"holds 0 documents and its build wrote {SMALL_BUILD}"):
            IndicatorIndex.open(server)
    finally:
        pointer.modify(metadata={"collection": good})
        client.delete_collection(broken)
    IndicatorIndex.open(server).close()


def test_reader_and_build_fail_cleanly_when_the_server_is_down(start_chroma, small, tmp_path):
    process, url = start_chroma()
    settings = Settings(home=tmp_path, chroma_url=url)
    build_index(settings)
    code, text = sorted(own_phrasings(small).items())[0]
    index = IndicatorIndex.open(settings)
    assert index.search(text, limit=3)[0].code == code
    process.terminate()
    process.wait(timeout=10)
    for attempt in (lambda: IndicatorIndex.open(settings), lambda: index.search(text), lambda: build_index(settings)):
        with pytest.raises(IndexUnusable, match=f"{UNUSABLE}") as raised:
            attempt()
        assert url in str(raised.value) and "does not answer" in str(raised.value)


def test_a_server_that_never_answers_is_refused_in_time(silent_server, monkeypatch, tmp_path):
    monkeypatch.setattr(index_module, "SERVER_TIMEOUT", 1.0)
    started = time.monotonic()
    with pytest.raises(IndexUnusable, match="does not answer"):
        IndicatorIndex.open(Settings(home=tmp_path, chroma_url=silent_server))
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("url", ["localhost:8000", "ftp://localhost:8000"])
def test_a_url_that_is_not_http_is_refused(url, tmp_path):
    with pytest.raises(IndexUnusable, match="not an http"):
        IndicatorIndex.open(Settings(home=tmp_path, chroma_url=url))


SEARCH_IN_FRESH_PROCESS = """
import sys
from catalog.index import IndicatorIndex
from cifra.settings import Settings
print(IndicatorIndex.open(Settings()).search(sys.argv[1], limit=1)[0].code)
"""


def test_cifra_chroma_url_selects_the_server(server, small, tmp_path):
    code, text = sorted(own_phrasings(small).items())[-1]
    home = tmp_path / "empty-home"
    run = subprocess.run([sys.executable, "-c", SEARCH_IN_FRESH_PROCESS, text], cwd=REPO_ROOT, capture_output=True,
                         text=True, timeout=120,
                         env={**os.environ, "CIFRA_HOME": str(home), "CIFRA_CHROMA_URL": server.chroma_url})
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [code]
    assert not home.exists()  # a reader of the server keeps nothing locally
