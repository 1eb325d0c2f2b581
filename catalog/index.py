"""Retrieval index: a ChromaDB collection of indicator cards, searched in Spanish or English.

Each indicator is embedded several times (its names, synonyms and citizen phrasings, one document
each) and a search keeps each indicator's best match: short questions resemble one phrasing far
more than they resemble a whole card.
"""

import time
from collections.abc import Iterable

import chromadb
from pydantic import BaseModel
from sqlalchemy import select
from tqdm import tqdm

from catalog.embedding import MODEL_NAME, E5Embedding
from catalog.schema import Indicator, IndicatorPhrase
from cifra.settings import Settings

COLLECTION = f"indicators__{MODEL_NAME}"
BATCH = 64


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


def _client(settings: Settings) -> chromadb.ClientAPI:
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(
        path=str(settings.index_dir), settings=chromadb.Settings(anonymized_telemetry=False)
    )


def _documents(settings: Settings) -> Iterable[tuple[str, str, dict]]:
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


def build_index(settings: Settings, progress: bool = False) -> IndexSummary:
    """Replace the collection with the database's current indicators."""
    started = time.perf_counter()
    client = _client(settings)
    if COLLECTION in [collection.name for collection in client.list_collections()]:
        client.delete_collection(COLLECTION)
    collection = client.create_collection(COLLECTION, embedding_function=E5Embedding(),
                                          configuration={"hnsw": {"space": "cosine"}})
    documents = list(_documents(settings))
    for start in tqdm(range(0, len(documents), BATCH), desc="index", unit="batch", disable=not progress):
        ids, texts, metadatas = zip(*documents[start : start + BATCH])
        collection.add(ids=list(ids), documents=list(texts), metadatas=list(metadatas))
    return IndexSummary(
        collection=COLLECTION, cards=len({metadata["code"] for _, _, metadata in documents}),
        documents=len(documents), seconds=round(time.perf_counter() - started, 2),
    )  # fmt: skip


class IndexMissing(RuntimeError):
    """The retrieval index has not been built."""


class IndicatorIndex:
    def __init__(self, collection: chromadb.Collection):
        self._collection = collection

    @classmethod
    def open(cls, settings: Settings) -> "IndicatorIndex":
        try:
            collection = _client(settings).get_collection(COLLECTION, embedding_function=E5Embedding())
        except Exception as error:  # chromadb raises NotFoundError or ValueError depending on version
            raise IndexMissing(f"no index in {settings.index_dir}: run `cifra catalog build`") from error
        return cls(collection)

    def search(self, query: str, limit: int = 6) -> list[IndicatorHit]:
        """The ``limit`` best indicators for ``query``, each scored by its closest document."""
        result = self._collection.query(query_texts=[query], n_results=limit * 8)
        best: dict[str, IndicatorHit] = {}
        for text, metadata, distance in zip(result["documents"][0], result["metadatas"][0], result["distances"][0]):
            code = metadata["code"]
            if code not in best:
                best[code] = IndicatorHit(code=code, name_es=metadata["name_es"], name_en=metadata["name_en"],
                                          score=round(1 - distance, 4), matched=text)
        return sorted(best.values(), key=lambda hit: hit.score, reverse=True)[:limit]
