"""Retrieval index: a ChromaDB collection of indicator cards, searched in Spanish or English.

Each indicator is embedded several times (its names, synonyms and citizen phrasings, one document
each) and a search keeps each indicator's best match: short questions resemble one phrasing far
more than they resemble a whole card.

A damaged or half-built index answers confidently and wrongly, so the index on disk is handled with care:

* ``$CIFRA_HOME/index`` is a symbolic link to a versioned folder ``index.v-<time>-<random>``. A build
  writes a complete new folder ``index.new-<random>`` beside it, checks it exactly as a reader would,
  then points the link at it with ``os.replace`` of a fresh link: one rename(2), atomic on Linux, so a
  reader finds the old index or the new one, never a half-built one and never none. The old folder is
  removed afterwards. One build runs at a time per home (an ``flock``).
* ChromaDB's ``PersistentClient`` writes to ``chroma.sqlite3`` on every open (its write-lock row), so a
  reader never opens the published folder: it copies it into a private temporary folder (a few MB) and
  opens the copy. The published folder is never written after publication, and a process keeps its
  copy, and keeps answering, after a build has replaced and removed the folder it copied.
* ``manifest.json`` records what the build wrote: document and card counts, a SHA-256 of every file and
  a few probes (a card's own phrasing, which must find that card). Opening checks all of it and raises
  ``IndexUnusable`` rather than answer from a damaged, incomplete or foreign index.
* With ``CIFRA_CHROMA_URL`` the index lives on a Chroma server (``chromadb.HttpClient``); the embeddings
  are still computed here, by the same code. A build fills a new collection
  ``indicators__<model>__v-<time>-<random>``, writes the manifest into its metadata last (without file
  checksums: the server keeps the files), checks it as a reader would, then publishes it by rewriting the
  metadata of one small collection, ``indicators__published``, that names it: one update on the server,
  so a reader finds the old version or the new one. The version it replaced is deleted afterwards; versions
  no pointer names are deleted once they are an hour old (younger ones may be another build's work). A
  reader follows the pointer, checks counts and probes, and follows it again when a rebuild deleted the
  version it was answering from.
"""

import fcntl
import hashlib
import os
import re
import secrets
import shutil
import tempfile
import time
import urllib.parse
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import chromadb
import httpx
from chromadb.errors import NotFoundError
from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from tqdm import tqdm

from catalog.embedding import MODEL_NAME, E5Embedding
from catalog.schema import Indicator, IndicatorPhrase
from cifra.settings import Settings

COLLECTION = f"indicators__{MODEL_NAME}"
BATCH = 64
MANIFEST = "manifest.json"
PROBES = 3  # embedding each costs about 25 ms at open
PROBE_RANK = 3  # a probe's card must be among this many best indicators
COPY_ATTEMPTS = 3
LEFTOVER = re.compile(r"^index\.(new|v|link|old)-")  # what builds leave beside the link
POINTER = "indicators__published"  # on a Chroma server: its metadata names the published collection
MANIFEST_KEY = "cifra_manifest"  # on a Chroma server: the manifest, in its collection's metadata
SERVER_VERSION = re.compile(r"^indicators__.+__v-(\d{8}T\d{6})-[0-9a-f]+$")
SERVER_LEFTOVER_AGE = timedelta(hours=1)  # an unpublished version this old is no running build's work
SERVER_TIMEOUT = 30.0  # seconds one request to a Chroma server may take

Document = tuple[str, str, dict]  # (id, text, metadata)


class IndexSummary(BaseModel):
    collection: str
    cards: int
    documents: int
    seconds: float


class IndicatorHit(BaseModel):
    code: str
    name_es: str
    name_en: str
    score: float
    matched: str


class IndexProbe(BaseModel):
    """A text only this card has: if searching it does not find the card, the vectors do not match the texts."""

    text: str
    code: str


class IndexManifest(BaseModel):
    """What a build wrote, so a reader can tell a complete, intact index from a damaged one."""

    collection: str
    cards: int
    documents: int
    probes: list[IndexProbe]
    files: dict[str, str]  # path inside the folder -> SHA-256
    built_at: str


class IndexUnusable(RuntimeError):
    """The index is damaged, incomplete or built for another model: searching it would give wrong indicators."""

    def __init__(self, folder: Path | str, problem_es: str, problem_en: str):  # a folder, or a server's URL
        super().__init__(
            f"El índice de indicadores en {folder} no se puede usar: {problem_es}. Ejecuta `cifra catalog build`. / "
            f"The indicator index in {folder} cannot be used: {problem_en}. Run `cifra catalog build`."
        )


class IndexMissing(IndexUnusable):
    """The retrieval index has not been built."""


# Building ---------------------------------------------------------------------------------------


def _client(folder: Path) -> chromadb.ClientAPI:
    return chromadb.PersistentClient(path=str(folder), settings=chromadb.Settings(anonymized_telemetry=False))


def _server_client(url: str) -> chromadb.ClientAPI:
    """A client of the Chroma server at ``url``, which must answer within ``SERVER_TIMEOUT``."""
    parts = urllib.parse.urlsplit(url)
    try:
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{url!r} is not an http(s) URL")
        ssl = parts.scheme == "https"
        # chromadb's own client waits forever: a server that accepts and never answers would hang every start
        httpx.get(f"{parts.scheme}://{parts.netloc}/api/v2/heartbeat", timeout=SERVER_TIMEOUT).raise_for_status()
        client = chromadb.HttpClient(host=parts.hostname, port=parts.port or (443 if ssl else 8000), ssl=ssl,
                                     settings=chromadb.Settings(anonymized_telemetry=False))
    except Exception as error:
        raise IndexUnusable(url, f"el servidor ChromaDB no responde ({error})",
                            f"the ChromaDB server does not answer ({error})") from error
    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(SERVER_TIMEOUT)
    return client


def _documents(settings: Settings) -> Iterable[Document]:
    """(id, text, metadata) for every name and phrase of every indicator in the database."""
    from catalog.build import make_engine

    engine = make_engine(settings)
    try:
        with engine.connect() as connection:
            indicators = connection.execute(select(Indicator.code, Indicator.name_es, Indicator.name_en)).all()
            phrases = connection.execute(select(IndicatorPhrase.indicator_code, IndicatorPhrase.text)
                                         .where(IndicatorPhrase.kind != "unlike")).all()
    finally:
        engine.dispose()
    names = {code: (name_es, name_en) for code, name_es, name_en in indicators}
    texts: dict[str, set[str]] = {code: {name_es, name_en} for code, (name_es, name_en) in names.items()}
    for code, text in phrases:
        texts[code].add(text)
    for code, variants in texts.items():
        for number, text in enumerate(sorted(variants)):
            yield f"{code}#{number}", text, {"code": code, "name_es": names[code][0], "name_en": names[code][1]}


def _fill(client: chromadb.ClientAPI, name: str, documents: list[Document], progress: bool) -> chromadb.Collection:
    """Embed every document into a new collection ``name``: the same way in a folder and on a server."""
    collection = client.create_collection(name, embedding_function=E5Embedding(),
                                          configuration={"hnsw": {"space": "cosine"}})
    for start in tqdm(range(0, len(documents), BATCH), desc="index", unit="batch", disable=not progress):
        ids, texts, metadatas = zip(*documents[start : start + BATCH])
        collection.add(ids=list(ids), documents=list(texts), metadatas=list(metadatas))
    return collection


def _probes(documents: list[Document]) -> list[IndexProbe]:
    """A few cards spread over the catalog, each searched by its longest text that no other card has."""
    codes_by_text: dict[str, set[str]] = defaultdict(set)
    for _, text, metadata in documents:
        codes_by_text[text].add(metadata["code"])
    own_texts: dict[str, list[str]] = defaultdict(list)
    for text, codes in codes_by_text.items():
        if len(codes) == 1:
            own_texts[next(iter(codes))].append(text)
    codes = sorted(own_texts)
    step = max(1, len(codes) // PROBES)
    return [IndexProbe(text=max(own_texts[code], key=len), code=code) for code in codes[::step][:PROBES]]


def _checksums(folder: Path) -> dict[str, str]:
    """SHA-256 of every file but the manifest, by path inside ``folder``."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file() and path.name != MANIFEST
    }  # fmt: skip


def _manifest(documents: list[Document], files: dict[str, str]) -> IndexManifest:
    return IndexManifest(
        collection=COLLECTION, cards=len({metadata["code"] for _, _, metadata in documents}),
        documents=len(documents), probes=_probes(documents), files=files,
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )  # fmt: skip


def _write_manifest(folder: Path, documents: list[Document]) -> IndexManifest:
    """Written last, once nothing in ``folder`` changes any more: a folder without it is incomplete."""
    manifest = _manifest(documents, _checksums(folder))
    (folder / MANIFEST).write_text(manifest.model_dump_json(indent=1), encoding="utf-8")
    return manifest


@contextmanager
def _build_lock(home: Path) -> Iterator[None]:
    """One build at a time per home: each one removes leftovers and moves the link."""
    with open(home / ".index.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _remove_leftovers(link: Path) -> None:
    """Folders of interrupted builds and of replaced indexes (only ever called under the build lock)."""
    current = os.readlink(link) if link.is_symlink() else None
    for entry in link.parent.iterdir():
        if not LEFTOVER.match(entry.name) or entry.name == current:
            continue
        if entry.is_symlink() or not entry.is_dir():
            entry.unlink()
        else:
            shutil.rmtree(entry, ignore_errors=True)


def _publish(staging: Path, link: Path) -> None:
    """Point ``link`` at the checked folder with one rename(2), so readers see the old index or the new one."""
    published = staging.with_name(f"index.v-{datetime.now(UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(3)}")
    staging.rename(published)
    temporary = link.with_name(f"index.link-{secrets.token_hex(4)}")
    temporary.symlink_to(published.name)  # relative: the home folder can move
    if link.is_dir() and not link.is_symlink():  # the older layout, a plain folder: moved aside once, not atomic
        link.rename(link.with_name(f"index.old-{secrets.token_hex(4)}"))
    os.replace(temporary, link)


def _build_in_folder(settings: Settings, progress: bool) -> IndexManifest:
    """Build into a new folder beside ``$CIFRA_HOME/index``, check it, then switch the link to it atomically."""
    link = settings.index_dir
    _remove_leftovers(link)
    staging = link.with_name(f"index.new-{secrets.token_hex(4)}")
    staging.mkdir()  # not mkdtemp: the index keeps the umask's permissions, for readers running as other users
    try:
        documents = list(_documents(settings))
        client = _client(staging)
        try:
            _fill(client, COLLECTION, documents, progress)
        finally:
            client.close()  # so everything is on disk
        manifest = _write_manifest(staging, documents)
        IndicatorIndex.open_folder(staging).close()  # the reader's own checks, before anyone can read it
        _publish(staging, link)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already when published
    _remove_leftovers(link)
    return manifest


def _published(client: chromadb.ClientAPI, url: str) -> str | None:
    """The collection the server's pointer names; None before the first build (or if the pointer lost its name)."""
    try:
        name = (client.get_collection(POINTER, embedding_function=None).metadata or {}).get("collection")
    except NotFoundError:
        return None
    except Exception as error:
        raise IndexUnusable(url, f"el servidor ChromaDB no responde ({error})",
                            f"the ChromaDB server does not answer ({error})") from error
    return name if isinstance(name, str) else None


def _point_to(client: chromadb.ClientAPI, name: str) -> str | None:
    """Publish ``name`` with one metadata update of the pointer; returns the collection it named before."""
    pointer = client.get_or_create_collection(POINTER, embedding_function=None)
    replaced = (pointer.metadata or {}).get("collection")
    pointer.modify(metadata={"collection": name, "published_at": datetime.now(UTC).isoformat(timespec="seconds")})
    return replaced if isinstance(replaced, str) else None


def _delete(client: chromadb.ClientAPI, name: str) -> None:
    try:
        client.delete_collection(name)
    except Exception:  # gone already, or the server is: a later build's sweep removes it
        pass


def _remove_server_leftovers(client: chromadb.ClientAPI, url: str) -> None:
    """Versions the pointer does not name, once an hour old: a younger one may be another build's work."""
    published = _published(client, url)
    now = datetime.now(UTC)
    for collection in client.list_collections():
        match = SERVER_VERSION.match(collection.name)
        if match and collection.name != published and \
                now - datetime.strptime(match[1], "%Y%m%dT%H%M%S").replace(tzinfo=UTC) > SERVER_LEFTOVER_AGE:
            _delete(client, collection.name)


def _build_on_server(settings: Settings, progress: bool) -> tuple[str, IndexManifest]:
    """Build into a new versioned collection on the server, check it, then point the pointer at it."""
    url = settings.chroma_url
    client = _server_client(url)
    name = f"{COLLECTION}__v-{datetime.now(UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"
    publishing = False
    try:
        _remove_server_leftovers(client, url)
        documents = list(_documents(settings))
        collection = _fill(client, name, documents, progress)
        manifest = _manifest(documents, files={})
        collection.modify(metadata={MANIFEST_KEY: manifest.model_dump_json()})  # last: without it, incomplete
        IndicatorIndex.open_server(url, name).close()  # the reader's own checks, before anyone can read it
        publishing = True  # from here the pointer may name it: never deleted by this build (unpublished, swept later)
        replaced = _point_to(client, name)
        if replaced is not None and replaced != name:
            _delete(client, replaced)
        _remove_server_leftovers(client, url)
    finally:
        if not publishing:
            _delete(client, name)
        client.close()
    return name, manifest


def build_index(settings: Settings, progress: bool = False) -> IndexSummary:
    """Build the database's indicators into a new folder or server collection, check it, switch to it atomically."""
    started = time.perf_counter()
    settings.home.mkdir(parents=True, exist_ok=True)
    with _build_lock(settings.home):
        if settings.chroma_url:
            collection, manifest = _build_on_server(settings, progress)
        else:
            collection, manifest = COLLECTION, _build_in_folder(settings, progress)
    return IndexSummary(collection=collection, cards=manifest.cards, documents=manifest.documents,
                        seconds=round(time.perf_counter() - started, 2))


# Opening and checking ---------------------------------------------------------------------------


def _private_copy(folder: Path) -> Path:
    """Copy the published index for this process; copied again when a build switched it meanwhile."""
    if not folder.exists():
        raise IndexMissing(folder, "no existe", "it does not exist")
    for _ in range(COPY_ATTEMPTS):
        source = folder.resolve()
        copy = Path(tempfile.mkdtemp(prefix="cifra-index-"))
        try:
            shutil.copytree(source, copy, dirs_exist_ok=True)
            if folder.resolve() == source:
                return copy
        except OSError as error:
            if folder.resolve() == source:
                shutil.rmtree(copy, ignore_errors=True)
                raise IndexUnusable(folder, f"no se pudo leer ({error})", f"it could not be read ({error})") from error
        shutil.rmtree(copy, ignore_errors=True)
    raise IndexUnusable(folder, "otras construcciones lo reemplazaron mientras se leía",
                        "other builds kept replacing it while it was read")


def _read_manifest(copy: Path, folder: Path) -> IndexManifest:
    try:
        text = (copy / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        text = None
    except UnicodeDecodeError as error:
        raise IndexUnusable(folder, f"{MANIFEST} está dañado", f"{MANIFEST} is damaged") from error
    return _parse_manifest(text, MANIFEST, folder)


def _parse_manifest(text: str | None, name: str, where: Path | str) -> IndexManifest:
    """The manifest ``name`` (a file, or a server collection's metadata): present, valid, and for this model."""
    if text is None:
        raise IndexUnusable(where, f"falta {name}: la construcción no terminó o es de una versión anterior",
                            f"{name} is missing: its build did not finish, or an older version made it")
    try:
        manifest = IndexManifest.model_validate_json(text)
    except ValidationError as error:
        raise IndexUnusable(where, f"{name} está dañado", f"{name} is damaged") from error
    if manifest.collection != COLLECTION:
        raise IndexUnusable(where, f"se construyó para otro modelo ({manifest.collection})",
                            f"it was built for another model ({manifest.collection})")
    return manifest


def _check_files(copy: Path, manifest: IndexManifest, folder: Path) -> None:
    """Any file deleted, truncated or changed since the build; ChromaDB would not notice most of them."""
    found = _checksums(copy)
    differing = sorted(name for name in found.keys() | manifest.files.keys() if found.get(name) != manifest.files.get(name))
    if differing:
        names = ", ".join(differing[:3]) + (f" +{len(differing) - 3}" if len(differing) > 3 else "")
        raise IndexUnusable(folder, f"sus archivos no son los que escribió la construcción ({names})",
                            f"its files are not those its build wrote ({names})")


def _collection(client: chromadb.ClientAPI, name: str, folder: Path | str) -> chromadb.Collection:
    try:
        return client.get_collection(name, embedding_function=E5Embedding())
    except Exception as error:  # chromadb raises NotFoundError, ValueError or InternalError depending on the damage
        raise IndexUnusable(folder, f"ChromaDB no pudo abrirlo ({error})", f"ChromaDB could not open it ({error})") from error


def _check_contents(collection: chromadb.Collection, manifest: IndexManifest, folder: Path | str) -> None:
    """ChromaDB reads what the build wrote: same number of documents, and each probe finds its card."""
    try:
        documents = collection.count()
        result = collection.query(query_texts=[probe.text for probe in manifest.probes], n_results=PROBE_RANK * 8)
    except Exception as error:  # ChromaDB's InternalError on a damaged file, among others
        raise IndexUnusable(folder, f"ChromaDB no pudo leerlo ({error})", f"ChromaDB could not read it ({error})") from error
    if documents != manifest.documents:
        raise IndexUnusable(folder, f"tiene {documents} documentos y la construcción escribió {manifest.documents}",
                            f"it holds {documents} documents and its build wrote {manifest.documents}")
    for probe, hits in zip(manifest.probes, _best_hits(result, PROBE_RANK)):
        if probe.code not in {hit.code for hit in hits}:
            raise IndexUnusable(folder, f"buscar «{probe.text}» no encuentra {probe.code}",
                                f"searching “{probe.text}” does not find {probe.code}")


def _open_collection(client: chromadb.ClientAPI, name: str, url: str) -> chromadb.Collection:
    """The server's collection ``name``, checked against the manifest in its metadata."""
    where = f"{url} ({name})"
    try:
        collection = _collection(client, name, where)
    except IndexUnusable as error:
        if isinstance(error.__cause__, NotFoundError):  # the pointer names a deleted collection: a dangling link
            raise IndexMissing(where, "no existe", "it does not exist") from error.__cause__
        raise
    manifest = _parse_manifest((collection.metadata or {}).get(MANIFEST_KEY), MANIFEST_KEY, where)
    _check_contents(collection, manifest, where)
    return collection


def _open_published(client: chromadb.ClientAPI, url: str) -> chromadb.Collection:
    """The collection the server's pointer names, checked; the pointer is followed again when a build moved it meanwhile."""
    for _ in range(COPY_ATTEMPTS):
        name = _published(client, url)
        if name is None:
            raise IndexMissing(url, "no existe", "it does not exist")
        try:
            return _open_collection(client, name, url)
        except IndexUnusable:
            if _published(client, url) == name:
                raise
    raise IndexUnusable(url, "otras construcciones lo reemplazaron mientras se leía",
                        "other builds kept replacing it while it was read")


def _release(client: chromadb.ClientAPI | None, copy: Path | None) -> None:
    if client is not None:
        client.close()
    if copy is not None:
        shutil.rmtree(copy, ignore_errors=True)


def _best_hits(result: chromadb.QueryResult, limit: int) -> list[list[IndicatorHit]]:
    """For each query, the ``limit`` best indicators, each scored by its closest document."""
    return [_best_of(*row, limit) for row in zip(result["documents"], result["metadatas"], result["distances"])]


def _best_of(texts: list[str], metadatas: list[dict], distances: list[float], limit: int) -> list[IndicatorHit]:
    best: dict[str, IndicatorHit] = {}
    for text, metadata, distance in zip(texts, metadatas, distances):
        code = metadata["code"]
        if code not in best:
            best[code] = IndicatorHit(code=code, name_es=metadata["name_es"], name_en=metadata["name_en"],
                                      score=round(1 - distance, 4), matched=text)
    return sorted(best.values(), key=lambda hit: hit.score, reverse=True)[:limit]


class IndicatorIndex:
    def __init__(self, collection: chromadb.Collection, client: chromadb.ClientAPI, copy: Path | None = None,
                 reopen: Callable[[], chromadb.Collection] | None = None):
        self._collection = collection
        self._reopen = reopen  # on a server: follow the pointer again, when a rebuild deleted the version in use
        self._finalizer = weakref.finalize(self, _release, client, copy)  # also runs at exit

    @classmethod
    def open(cls, settings: Settings) -> "IndicatorIndex":
        """The published index, checked before it answers anything; raises ``IndexUnusable`` otherwise."""
        if settings.chroma_url:
            return cls.open_server(settings.chroma_url)
        return cls.open_folder(settings.index_dir)

    @classmethod
    def open_server(cls, url: str, name: str | None = None) -> "IndicatorIndex":
        """The collection the server's pointer names (or ``name``: a build checks its own before publishing it)."""
        client = _server_client(url)
        try:
            collection = _open_published(client, url) if name is None else _open_collection(client, name, url)
        except BaseException:
            _release(client, None)
            raise
        return cls(collection, client, reopen=partial(_open_published, client, url) if name is None else None)

    @classmethod
    def open_folder(cls, folder: Path) -> "IndicatorIndex":
        """Open a private copy of ``folder``, which is only read: ChromaDB writes to whatever it opens."""
        copy = _private_copy(folder)
        client = None
        try:
            manifest = _read_manifest(copy, folder)
            _check_files(copy, manifest, folder)
            client = _client(copy)
            collection = _collection(client, COLLECTION, folder)
            _check_contents(collection, manifest, folder)
        except BaseException:
            _release(client, copy)
            raise
        return cls(collection, client, copy)

    def close(self) -> None:
        """Close ChromaDB and delete the private copy now rather than when the object is collected."""
        self._finalizer()

    def search(self, query: str, limit: int = 6) -> list[IndicatorHit]:
        """The ``limit`` best indicators for ``query``, each scored by its closest document."""
        return self.search_many([query], limit)[0]

    def search_many(self, queries: list[str], limit: int = 6) -> list[list[IndicatorHit]]:
        """``search`` for each query, embedded in one batch: cheaper than one call per query."""
        try:
            result = self._collection.query(query_texts=queries, n_results=limit * 8)
        except Exception:
            if self._reopen is None:
                raise
            self._collection = self._reopen()  # raises IndexUnusable when the server or every version is gone
            result = self._collection.query(query_texts=queries, n_results=limit * 8)
        return _best_hits(result, limit)
