"""SDMX-JSON data messages (1.0, 2.0, 2.1), which pysdmx does not read yet.

A data message carries its own structure: each dimension and attribute lists its values (id and
English name), and series and observations point at them by position ("0:1:0" is the first value
of the first series dimension, the second of the next...). ``read_data`` turns one message into
flat rows, one per observation, keyed by component id, with the names beside them, so that
``catalog.loaders.sdmx`` treats them like the rows pysdmx gives for SDMX-ML and SDMX-CSV.
Structure messages are read by pysdmx (``catalog.loaders.sdmx``).
"""

import re
from datetime import date
from typing import Any, NamedTuple

TIME = "TIME_PERIOD"
MEASURE = "OBS_VALUE"


class JsonDataset(NamedTuple):
    agency: str
    flow: str
    name: str | None
    dimensions: list[str]  # key order, without the time dimension
    names: dict[str, dict[str, str]]  # component id -> value id -> English name
    rows: list[dict[str, Any]]


def is_data_message(document: Any) -> bool:
    return isinstance(document, dict) and bool(_datasets(document))


def prepared(document: dict) -> date | None:
    text = str((document.get("meta") or document.get("header") or {}).get("prepared") or "")
    match = re.match(r"(\d{4}-\d{2}-\d{2})", text)
    return date.fromisoformat(match[1]) if match else None


def _body(document: dict) -> dict:
    return document["data"] if isinstance(document.get("data"), dict) else document


def _datasets(document: dict) -> list[dict]:
    return _body(document).get("dataSets") or []


def _structures(document: dict) -> list[dict]:
    body = _body(document)
    if body.get("structures"):
        return body["structures"]
    return [body.get("structure") or document.get("structure") or {}]


def _text(item: dict, key: str) -> str | None:
    localized = item.get(f"{key}s")
    if isinstance(localized, dict) and localized:
        return localized.get("en") or next(iter(localized.values()))
    value = item.get(key)
    if isinstance(value, dict):
        return value.get("en") or next(iter(value.values()), None)
    return value


def _flow(structure: dict, document: dict) -> tuple[str, str]:
    for link in structure.get("links") or []:
        match = re.search(r"Dataflow=([^:]+):([^(]+)\(", link.get("urn") or "")
        if match:
            return match[1], match[2]
    sender = ((document.get("meta") or document.get("header") or {}).get("sender") or {}).get("id") or "SDMX"
    return sender, structure.get("id") or "DATA"


def _value_id(value: dict) -> str:
    return str(value["id"]) if "id" in value else str(value.get("value"))


def read_data(document: dict) -> list[JsonDataset]:
    structures = _structures(document)
    result = []
    for dataset in _datasets(document):
        structure = structures[dataset.get("structure", 0)] if structures else {}
        dimensions, attributes = structure.get("dimensions") or {}, structure.get("attributes") or {}
        levels = {level: dimensions.get(level) or [] for level in ("dataSet", "series", "observation")}
        ordered = sorted((dim for dims in levels.values() for dim in dims), key=lambda dim: dim.get("keyPosition", 0))
        names = {component["id"]: {_value_id(value): _text(value, "name") or _value_id(value)
                                   for value in component.get("values") or []}
                 for dims in (*levels.values(), *(attributes.get(level) or [] for level in levels))
                 for component in dims}  # fmt: skip
        base = {dim["id"]: _value_id(dim["values"][0]) for dim in levels["dataSet"] if dim.get("values")}
        base.update(_attribute_values(attributes.get("dataSet") or [], dataset.get("attributes")))
        measures = len(((structure.get("measures") or {}).get("observation")) or [None])
        rows = []
        if "series" in dataset:  # observations grouped by series
            groups = [(_positions(levels["series"], key) | _attribute_values(attributes.get("series") or [],
                                                                               series.get("attributes")),
                       levels["observation"], series.get("observations") or {})
                      for key, series in dataset["series"].items()]  # fmt: skip
        else:  # flat: each observation key spans every dimension below the data set
            groups = [({}, levels["series"] + levels["observation"], dataset.get("observations") or {})]
        for series_row, dims, observations in groups:
            row = base | series_row
            for observation_key, values in observations.items():
                observation = dict(row)
                observation.update(_positions(dims, observation_key))
                values = values if isinstance(values, list) else [values]
                observation[MEASURE] = values[0] if values else None
                observation.update(_attribute_values(attributes.get("observation") or [], values[measures:]))
                rows.append(observation)
        agency, flow = _flow(structure, document)
        result.append(JsonDataset(agency, flow, _text(structure, "name"), [dim["id"] for dim in ordered if dim["id"] != TIME],
                                  names, rows))  # fmt: skip
    return result


def _positions(dimensions: list[dict], key: str) -> dict[str, str]:
    if not key:
        return {}
    indexes = key.split(":")
    if len(indexes) != len(dimensions):
        raise ValueError(f"key {key!r} has {len(indexes)} positions for {len(dimensions)} dimensions")
    return {dim["id"]: _value_id(dim["values"][int(index)]) for dim, index in zip(dimensions, indexes, strict=True)}


def _attribute_values(attributes: list[dict], indexes: list | None) -> dict[str, str]:
    """Attribute values by position; attributes without one take their declared default."""
    values = {}
    for position, attribute in enumerate(attributes):
        index = indexes[position] if indexes is not None and position < len(indexes) else None
        if index is not None and attribute.get("values"):
            values[attribute["id"]] = _value_id(attribute["values"][int(index)])
        elif attribute.get("default") is not None:
            values[attribute["id"]] = str(attribute["default"])
    return values
