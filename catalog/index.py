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
"""

import fcntl
import hashlib
import os
import re
import secrets
import shutil
import tempfile
import time
import weakref
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import chromadb
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

    def __init__(self, folder: Path, problem_es: str, problem_en: str):
        super().__init__(
            f"El índice de indicadores en {folder} no se puede usar: {problem_es}. Ejecuta `cifra catalog build`. / "
            f"The indicator index in {folder} cannot be used: {problem_en}. Run `cifra catalog build`."
        )


class IndexMissing(IndexUnusable):
    """The retrieval index has not been built."""


# Building ---------------------------------------------------------------------------------------


def _client(folder: Path) -> chromadb.ClientAPI:
    return chromadb.PersistentClient(path=str(folder), settings=chromadb.Settings(anonymized_telemetry=False))


def _documents(settings: Settings) -> Iterable[Document]:
    """(id, text, metadata) for every name and phrase of every indicator in the database."""
    from catalog.build import make_engine

    engine = make_engine(settings)
    try:
        with engine.connect() as connection:
            indicators = connection.execute(select(Indicator.code, Indicator.name_es, Indicator.name_en)).all()
            phrases = connection.execute(select(IndicatorPhrase.indicator_code, IndicatorPhrase.text)).all()
    finally:
        engine.dispose()
    names = {code: (name_es, name_en) for code, name_es, name_en in indicators}
    texts: dict[str, set[str]] = {code: {name_es, name_en} for code, (name_es, name_en) in names.items()}
    for code, text in phrases:
        texts[code].add(text)
    for code, variants in texts.items():
        for number, text in enumerate(sorted(variants)):
            yield f"{code}#{number}", text, {"code": code, "name_es": names[code][0], "name_en": names[code][1]}


def _fill(folder: Path, documents: list[Document], progress: bool) -> None:
    """Embed every document into a new collection in ``folder``, and close it so everything is on disk."""
    client = _client(folder)
    try:
        collection = client.create_collection(COLLECTION, embedding_function=E5Embedding(),
                                              configuration={"hnsw": {"space": "cosine"}})
        for start in tqdm(range(0, len(documents), BATCH), desc="index", unit="batch", disable=not progress):
            ids, texts, metadatas = zip(*documents[start : start + BATCH])
            collection.add(ids=list(ids), documents=list(texts), metadatas=list(metadatas))
    finally:
        client.close()


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


def _write_manifest(folder: Path, documents: list[Document]) -> IndexManifest:
    """Written last, once nothing in ``folder`` changes any more: a folder without it is incomplete."""
    manifest = IndexManifest(
        collection=COLLECTION, cards=len({metadata["code"] for _, _, metadata in documents}),
        documents=len(documents), probes=_probes(documents), files=_checksums(folder),
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )  # fmt: skip
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


def build_index(settings: Settings, progress: bool = False) -> IndexSummary:
    """Build the database's current indicators into a new folder, check it, then switch to it atomically."""
    started = time.perf_counter()
    link = settings.index_dir
    link.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(link.parent):
        _remove_leftovers(link)
        staging = link.with_name(f"index.new-{secrets.token_hex(4)}")
        staging.mkdir()  # not mkdtemp: the index keeps the umask's permissions, for readers running as other users
        try:
            documents = list(_documents(settings))
            _fill(staging, documents, progress)
            manifest = _write_manifest(staging, documents)
            IndicatorIndex.open_folder(staging).close()  # the reader's own checks, before anyone can read it
            _publish(staging, link)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # gone already when published
        _remove_leftovers(link)
    return IndexSummary(collection=COLLECTION, cards=manifest.cards, documents=manifest.documents,
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
        manifest = IndexManifest.model_validate_json((copy / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexUnusable(folder, f"falta {MANIFEST}: la construcción no terminó o es de una versión anterior",
                            f"{MANIFEST} is missing: its build did not finish, or an older version made it") from None
    except (ValidationError, UnicodeDecodeError) as error:
        raise IndexUnusable(folder, f"{MANIFEST} está dañado", f"{MANIFEST} is damaged") from error
    if manifest.collection != COLLECTION:
        raise IndexUnusable(folder, f"se construyó para otro modelo ({manifest.collection})",
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


def _collection(client: chromadb.ClientAPI, folder: Path) -> chromadb.Collection:
    try:
        return client.get_collection(COLLECTION, embedding_function=E5Embedding())
    except Exception as error:  # chromadb raises NotFoundError, ValueError or InternalError depending on the damage
        raise IndexUnusable(folder, f"ChromaDB no pudo abrirlo ({error})", f"ChromaDB could not open it ({error})") from error


def _check_contents(collection: chromadb.Collection, manifest: IndexManifest, folder: Path) -> None:
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


def _release(client: chromadb.ClientAPI | None, copy: Path) -> None:
    if client is not None:
        client.close()
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
    def __init__(self, collection: chromadb.Collection, client: chromadb.ClientAPI, copy: Path):
        self._collection = collection
        self._finalizer = weakref.finalize(self, _release, client, copy)  # also runs at exit

    @classmethod
    def open(cls, settings: Settings) -> "IndicatorIndex":
        """The published index, checked before it answers anything; raises ``IndexUnusable`` otherwise."""
        return cls.open_folder(settings.index_dir)

    @classmethod
    def open_folder(cls, folder: Path) -> "IndicatorIndex":
        """Open a private copy of ``folder``, which is only read: ChromaDB writes to whatever it opens."""
        copy = _private_copy(folder)
        client = None
        try:
            manifest = _read_manifest(copy, folder)
            _check_files(copy, manifest, folder)
            client = _client(copy)
            collection = _collection(client, folder)
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
        return _best_hits(self._collection.query(query_texts=[query], n_results=limit * 8), limit)[0]
