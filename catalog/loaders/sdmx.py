"""Any agency's SDMX data: SDMX-ML 2.1/3.0 and SDMX-CSV through pysdmx, SDMX-JSON data messages here.

What one file gives
    ``read_file`` reads a data or structure message. pysdmx reads SDMX-ML, SDMX-CSV and SDMX-JSON
    structure messages (without schema validation: it costs seconds per file, and every value used is
    checked here); SDMX-JSON *data* messages, which pysdmx does not read, are read by
    ``catalog.loaders.sdmx_json``. A structure-only message gives no values: ``load`` says so in
    ``SdmxData.notes`` ("no data, only structure ...") instead of failing, and its data structures,
    dataflows and codelists serve the data files read with it.

Series
    A series is keyed by the values of the dataset's dimensions other than the area and the time, in
    the structure's order: the SDMX series key without the area, e.g. ``A.CHF.EUR.SP00.A`` for the
    ECB's annual average Swiss franc rate. Its indicator code is ``<agency>.<flow>.<key>``
    (``ECB.EXR.A.CHF.EUR.SP00.A``, ``DEMO.WDI.A.FP_CPI_TOTL_ZG``); a curated card selects it with
    ``origin.sdmx.key``. Without a data structure (DSD) for the flow, dimensions are the columns that
    are not the time, the value, the area or an SDMX cross-domain attribute (``KNOWN_ATTRIBUTES``, upper
    case as the SDMX guidelines write them: Eurostat's lower-case ``unit`` is a dimension).
    Names come from the series' ``TITLE_COMPL``/``TITLE`` attribute (a short ``TITLE`` after the
    flow's name), else the flow's name, with the codelist names (or ``DIM=code``) of the dimensions
    that tell same-named series apart; without either, the name is the code. Units: ``UNIT_MEASURE``
    or ``UNIT`` (codelist name when known), ``UNIT_MULT`` (a power of ten; values are stored as
    published) and ``DECIMALS``.

Areas
    The area dimension is found by its id (``sdmx_areas.AREA_DIMENSIONS``: ``REF_AREA``, ``geo``,
    ``COUNTRY``...) and its codes mapped to Cifra's by ``sdmx_areas.AreaMapper`` (ISO2, ISO3, M49,
    ``U2``/``EA20`` -> ``EMU``, ``EU27_2020`` -> ``EUU``). Values for areas the area table lacks are
    skipped and listed in the build report (``drop_unknown_areas``), never fatal.
    **A dataset without an area dimension** (the ECB's EXR is keyed by ``CURRENCY``) takes, in order:
    the fixed area its card declares (``origin.sdmx.area``); else the agency's own area
    (``sdmx_areas.AGENCY_HOME_AREAS``: ECB -> ``EMU``, since euro reference rates are the euro
    area's); else its values are skipped and the notes say why. A user asking for "the Swiss franc
    per euro" thinks of the euro area, not of Switzerland, and not of every country.

Periods and status
    Frequencies A, S, Q, M, W and D (B, business days, counts as D): ``2020``, ``2020-S1``,
    ``2020-Q3``, ``2020-07`` (``2020-M07``), ``2020-W05``, ``2023-01-03`` (also date-times and
    ``start/duration`` ranges, read by their start and the series' ``FREQ``). ``OBS_STATUS`` (or
    Eurostat's ``OBS_FLAG``) gives estimate (E, I; e, s), provisional (P, V; p), projection (F; f),
    else final; missing-value codes (M, L, O, Q, H) and empty values are skipped.
"""

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from catalog.loaders import sdmx_json
from catalog.loaders.records import LoadError, ObservationRecord
from catalog.loaders.sdmx_areas import AGENCY_HOME_AREAS, AREA_DIMENSIONS, AreaMapper, area_dimension
from catalog.periods import Period, annual, daily, monthly, quarterly

TIME = "TIME_PERIOD"
VALUE = "OBS_VALUE"
# SDMX cross-domain attributes (SDMX content-oriented guidelines) and common agency attributes.
KNOWN_ATTRIBUTES = frozenset({
    "OBS_STATUS", "OBS_CONF", "OBS_PRE_BREAK", "OBS_COM", "OBS_FLAG", "CONF_STATUS", "COMMENT", "COMMENT_OBS",
    "COMMENT_TS", "UNIT_MEASURE", "UNIT_MULT", "UNIT", "DECIMALS", "TIME_FORMAT", "TIME_PER_COLLECT", "COLLECTION",
    "TITLE", "TITLE_COMPL", "NAT_TITLE", "SOURCE_AGENCY", "SOURCE_PUB", "COMPILING_ORG", "DISS_ORG", "DOM_SER_IDS",
    "BREAKS", "COVERAGE", "COMPILATION", "PUBL_ECB", "PUBL_MU", "PUBL_PUBLIC", "UNIT_INDEX_BASE", "BASE_PER",
    "BASE_YEAR", "REF_YEAR_PRICE", "EMBARGO_TIME", "DATA_COMP", "REF_PERIOD_DETAIL", "SOURCE_DETAIL", "NOTE",
})  # fmt: skip
TECHNICAL_COLUMNS = frozenset({"STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION", "DATAFLOW", "SERIES_KEY",
                               "OBS_KEY", "LAST UPDATE", "LAST_UPDATE", "VALID_FROM", "VALID_TO"})  # fmt: skip
TITLE_ATTRIBUTES = ("TITLE_COMPL", "TITLE")
UNIT_COMPONENTS = ("UNIT_MEASURE", "UNIT")
FREQUENCIES = {"A": "A", "S": "S", "Q": "Q", "M": "M", "W": "W", "D": "D", "B": "D"}
STATUSES = {"E": "estimate", "I": "estimate", "P": "provisional", "V": "provisional", "F": "projection"}
MISSING_STATUSES = frozenset({"M", "L", "O", "Q", "H"})
FLAG_STATUSES = (("f", "projection"), ("p", "provisional"), ("e", "estimate"), ("s", "estimate"))  # Eurostat
MISSING_VALUES = frozenset({"", "NAN", "NA", "N/A", "NULL", "NONE", "."})


# Periods --------------------------------------------------------------------------------------
# Semesters and weeks, in catalog.periods' style; only SDMX has them so far.


def semiannual(year: int, half: int) -> Period:
    if half not in (1, 2):
        raise ValueError(f"semester {half} is not 1 or 2")
    return Period(f"{year:04d}-S{half}", year, date(year, 6 * half - 5, 1))


def weekly(year: int, week: int) -> Period:
    """ISO 8601 week: ``2020-W05`` starts on its Monday."""
    return Period(f"{year:04d}-W{week:02d}", year, date.fromisocalendar(year, week, 1))


PERIOD_PATTERNS = [
    (re.compile(r"^(\d{4})(?:-A1)?$"), lambda m: annual(int(m[1]))),
    (re.compile(r"^(\d{4})-?S([1-2])$"), lambda m: semiannual(int(m[1]), int(m[2]))),
    (re.compile(r"^(\d{4})-?Q([1-4])$"), lambda m: quarterly(int(m[1]), int(m[2]))),
    (re.compile(r"^(\d{4})-?M(\d{2})$|^(\d{4})-(\d{2})$"),
     lambda m: monthly(int(m[1] or m[3]), int(m[2] or m[4]))),
    (re.compile(r"^(\d{4})-?W(\d{1,2})$"), lambda m: weekly(int(m[1]), int(m[2]))),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$"),
     lambda m: daily(date(int(m[1]), int(m[2]), int(m[3])))),
]  # fmt: skip


def parse_period(text: str, frequency: str | None = None) -> Period:
    """An SDMX time period as a Cifra period; a date stands for its month, quarter... when FREQ says so."""
    cleaned = text.strip().split("/")[0]  # a time range "2020-01-01T00:00:00/P1Y" starts its period
    for pattern, build in PERIOD_PATTERNS:
        match = pattern.match(cleaned)
        if match:
            try:
                period = build(match)
            except ValueError as error:
                raise ValueError(f"unsupported SDMX period {text!r}: {error}") from error
            return _at_frequency(period, frequency)
    raise ValueError(f"unsupported SDMX period {text!r}")


def _at_frequency(period: Period, frequency: str | None) -> Period:
    if frequency is None or frequency_of(period) != "D" or frequency == "D":
        return period
    start = period.start
    return {
        "A": lambda: annual(start.year),
        "S": lambda: semiannual(start.year, 1 if start.month <= 6 else 2),
        "Q": lambda: quarterly(start.year, (start.month - 1) // 3 + 1),
        "M": lambda: monthly(start.year, start.month),
        "W": lambda: weekly(*start.isocalendar()[:2]),
    }[frequency]()


def frequency_of(period: Period) -> str:
    code = period.code
    if len(code) == 4:
        return "A"
    if len(code) == 10:
        return "D"
    return {"S": "S", "Q": "Q", "W": "W"}.get(code[5], "M")


# Results ----------------------------------------------------------------------------------------


class SdmxSeries(BaseModel):
    code: str
    key: str
    name: str
    unit: str | None
    unit_multiplier: int | None = None  # UNIT_MULT, a power of ten; None when the file does not say
    decimals: int | None = None
    frequency: str
    observations: int = 0


class SdmxData(BaseModel):
    source_id: str
    title: str | None = None
    agencies: list[str] = []
    prepared: date | None = None
    series: list[SdmxSeries]
    observations: list[ObservationRecord]
    notes: list[str] = []


# Structures -------------------------------------------------------------------------------------


@dataclass
class FlowStructure:
    """What the loader uses of a data structure: the key's dimensions, code names, the flow's name."""

    dimensions: list[str]
    names: dict[str, dict[str, str]]
    name: str | None


def _ref(urn: Any) -> str | None:
    """``urn:...Codelist=ECB:CL_FREQ(1.0)`` or ``Dataflow=ECB:EXR(1.0)`` -> ``ECB:CL_FREQ``."""
    match = re.search(r"(?:=|^)([\w@$.-]+):([\w@$-]+)(?:\(|$)", str(urn or ""))
    return f"{match[1]}:{match[2]}" if match else None


@dataclass
class StructurePool:
    """Data structures, dataflows and codelists from structure messages, to describe data files."""

    dsds: dict[str, Any] = field(default_factory=dict)  # "AGENCY:ID" -> pysdmx DataStructureDefinition
    flows: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # -> (DSD ref, flow name)
    codelists: dict[str, dict[str, str]] = field(default_factory=dict)  # -> code -> English name

    def add(self, artefacts: Iterable[Any]) -> None:
        for artefact in artefacts:
            kind, ref = type(artefact).__name__, f"{getattr(artefact, 'agency', '')}:{getattr(artefact, 'id', '')}"
            ref = _ref(getattr(artefact, "short_urn", "")) or ref
            if kind == "DataStructureDefinition":
                self.dsds[ref] = artefact
            elif kind == "Dataflow":
                structure = artefact.structure
                self.flows[ref] = (_ref(getattr(structure, "short_urn", structure)), artefact.name)
            elif kind == "Codelist":
                self.codelists[ref] = {code.id: code.name or code.id for code in artefact.codes}

    def merge(self, other: "StructurePool") -> None:
        self.dsds.update(other.dsds)
        self.flows.update(other.flows)
        self.codelists.update(other.codelists)

    def describe(self) -> str:
        parts = [f"data structure {ref} '{dsd.name}'" for ref, dsd in self.dsds.items()]
        parts += [f"dataflow {ref}" for ref in self.flows]
        if self.codelists:
            parts.append(f"{len(self.codelists)} codelists")
        return ", ".join(parts) or "nothing Cifra reads"

    def structure_for(self, agency: str, flow: str, columns: Sequence[str]) -> FlowStructure | None:
        ref = f"{agency}:{flow}"
        dsd_ref, flow_name = self.flows.get(ref, (None, None))
        dsd = self.dsds.get(dsd_ref or "") or self.dsds.get(ref)
        if dsd is None:  # a DSD that fits the columns, the agency's own first
            fitting = [(ref_.split(":")[0] == agency, len(dims), candidate) for ref_, candidate in self.dsds.items()
                       if (dims := self._dimensions(candidate)) and set(dims) <= set(columns)]  # fmt: skip
            dsd = max(fitting, key=lambda item: item[:2])[2] if fitting else None
        if dsd is None:
            return None
        names = {}
        for component in dsd.components:
            if component.local_codes:
                names[component.id] = {code.id: code.name or code.id for code in component.local_codes}
            elif _ref(component.local_enum_ref) in self.codelists:
                names[component.id] = self.codelists[_ref(component.local_enum_ref)]
        return FlowStructure(self._dimensions(dsd), names, flow_name or dsd.name)

    @staticmethod
    def _dimensions(dsd: Any) -> list[str]:
        return [dimension.id for dimension in dsd.components.dimensions if dimension.id != TIME]


# Reading ----------------------------------------------------------------------------------------


@dataclass
class _Table:
    agency: str
    flow: str
    columns: list[str]
    rows: list[dict[str, Any]]
    structure: FlowStructure | None  # inline (SDMX-JSON); else looked up in the pool


@dataclass
class SdmxFile:
    """One SDMX message as read: its datasets (none for a structure message) and its structures."""

    path: Path
    tables: list[_Table]
    structures: StructurePool
    prepared: date | None


def read_file(path: Path) -> SdmxFile:
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as stream:
            head = stream.read(256).lstrip()
    except OSError as error:
        raise LoadError(path, f"cannot read: {error}") from error
    if head.startswith(("{", "[")) or path.suffix.lower() == ".json":
        return _read_json(path)
    return _read_with_pysdmx(path)


def _read_with_pysdmx(path: Path, text: str | None = None) -> SdmxFile:
    from pysdmx.io import read_sdmx

    try:
        message = read_sdmx(text if text is not None else Path(path), validate=False)  # a Path: never a URL
    except Exception as error:  # pysdmx raises many kinds; all mean the file cannot be used
        raise LoadError(path, f"not readable as SDMX: {type(error).__name__}: {error}") from error
    pool = StructurePool()
    pool.add(message.structures or [])
    tables = []
    for dataset in message.data or []:
        ref = _ref(dataset.short_urn)
        if ref is None:
            raise LoadError(path, f"cannot tell the agency and dataflow of {dataset.short_urn!r}")
        agency, flow = ref.split(":")
        frame = dataset.data
        rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
        tables.append(_Table(agency, flow, [str(column) for column in frame.columns], rows, None))
    header = message.header
    prepared = header.prepared if header is not None else None
    return SdmxFile(path, tables, pool, prepared.date() if isinstance(prepared, datetime) else prepared)


def _read_json(path: Path) -> SdmxFile:
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, json.JSONDecodeError) as error:
        raise LoadError(path, f"not readable as SDMX-JSON: {error}") from error
    if sdmx_json.is_data_message(document):
        try:
            datasets = sdmx_json.read_data(document)
        except (KeyError, IndexError, TypeError, ValueError) as error:
            raise LoadError(path, f"malformed SDMX-JSON data message: {type(error).__name__}: {error}") from error
        tables = [_Table(d.agency, d.flow, sorted({c for row in d.rows for c in row}), d.rows,
                         FlowStructure(d.dimensions, d.names, d.name)) for d in datasets]  # fmt: skip
        return SdmxFile(path, tables, StructurePool(), sdmx_json.prepared(document))
    try:
        return _read_with_pysdmx(path)
    except LoadError:
        # pysdmx reads structure messages whole; keep what Cifra needs (structures, dataflows,
        # codelists, concepts) so an unreadable constraint or categorisation does not hide them.
        if not isinstance(document, dict) or not isinstance(document.get("data"), dict):
            raise
        meta = document.get("meta") or {}
        schema = meta.get("schema") or document.get("$schema") or "https://json.sdmx.org/2.1/sdmx-json-structure-schema.json"
        kept = {key: value for key, value in document["data"].items()
                if key in ("dataStructures", "dataflows", "codelists", "conceptSchemes")}  # fmt: skip
        trimmed = json.dumps({"meta": {"schema": schema, **meta}, "data": kept})
        result = _read_with_pysdmx(path, trimmed)
        return SdmxFile(path, result.tables, result.structures, result.prepared or sdmx_json.prepared(document))


# Loading ----------------------------------------------------------------------------------------


def load(source: Path | SdmxFile, source_id: str, *, structures: StructurePool | Iterable[Path] = (),
         areas: AreaMapper | None = None, area: str | None = None) -> SdmxData:  # fmt: skip
    """Every series and value of one SDMX file; ``structures`` describe it (DSDs, codelists).

    ``areas`` maps area codes (default: only the agency aggregates, no ISO2 table); ``area`` is the
    fixed area of a dataset without an area dimension (see the module's docstring).
    """
    file = source if isinstance(source, SdmxFile) else read_file(Path(source))
    pool = StructurePool()
    if isinstance(structures, StructurePool):
        pool.merge(structures)
    else:
        for path in structures:
            pool.merge(read_file(Path(path)).structures)
    pool.merge(file.structures)
    if not file.tables:
        note = f"{file.path.name}: no data, only structure ({file.structures.describe()})"
        return SdmxData(source_id=source_id, prepared=file.prepared, series=[], observations=[], notes=[note])
    mapper = areas or AreaMapper()
    series: list[SdmxSeries] = []
    observations: list[ObservationRecord] = []
    notes: list[str] = []
    titles = []
    for table in file.tables:
        structure = table.structure or pool.structure_for(table.agency, table.flow, table.columns)
        titles.append(structure.name if structure and structure.name else f"{table.agency}:{table.flow}")
        converted = _Conversion(file, table, structure, source_id, mapper, area, notes)
        series.extend(converted.series())
        observations.extend(converted.records)
    return SdmxData(source_id=source_id, title="; ".join(dict.fromkeys(titles)),
                    agencies=sorted({table.agency for table in file.tables}), prepared=file.prepared,
                    series=series, observations=observations, notes=notes)  # fmt: skip


def _find(columns: Iterable[str], wanted: Iterable[str]) -> str | None:
    by_upper = {column.upper(): column for column in columns}
    return next((by_upper[name] for name in wanted if name in by_upper), None)


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def _int(value: Any) -> int | None:
    text = _text(value)
    return int(text) if text and re.fullmatch(r"-?\d+", text) else None


class _Conversion:
    """One dataset's rows as Cifra observations, and what is known of each series."""

    def __init__(self, file: SdmxFile, table: _Table, structure: FlowStructure | None, source_id: str,
                 mapper: AreaMapper, fixed_area: str | None, notes: list[str]):  # fmt: skip
        self.file, self.table, self.structure, self.notes = file, table, structure, notes
        self.records: list[ObservationRecord] = []
        self.first_rows: dict[str, dict[str, Any]] = {}
        self.counts: Counter[str] = Counter()
        self.frequencies: dict[str, str] = {}
        columns = table.columns
        where = f"{file.path.name}: {table.agency}:{table.flow}"
        if TIME not in columns or VALUE not in columns:
            raise LoadError(file.path, f"{table.agency}:{table.flow} needs {TIME} and {VALUE} columns, has {columns}")
        area_dim = area_dimension(structure.dimensions if structure else columns)
        if structure:
            self.key_dims = [dim for dim in structure.dimensions if dim != area_dim]
            missing = [dim for dim in self.key_dims if dim not in columns]
            if missing:
                raise LoadError(file.path, f"{table.agency}:{table.flow}: no column for the dimensions {missing}")
        else:
            self.key_dims = [column for column in columns if column not in (TIME, VALUE, area_dim)
                             and column not in KNOWN_ATTRIBUTES and column.upper() not in TECHNICAL_COLUMNS]  # fmt: skip
        fixed = None
        if area_dim is None:
            fixed = fixed_area or AGENCY_HOME_AREAS.get(table.agency)
            if fixed is None:
                notes.append(f"{where}: no area dimension ({', '.join(AREA_DIMENSIONS)}) and no fixed area, "
                             f"{len(table.rows)} values skipped; give its card an origin.sdmx.area")  # fmt: skip
                return
        freq_dim = _find(columns, ("FREQ", "FREQUENCY"))
        status_col, flag_col = _find(columns, ("OBS_STATUS",)), _find(columns, ("OBS_FLAG",))
        line_offset = 1 if file.path.suffix.lower() == ".csv" else None  # the header line
        seen: dict[tuple[str, str, str], str] = {}
        collisions: Counter[tuple[str, str, str]] = Counter()
        unsupported: Counter[str] = Counter()
        prefix = f"{table.agency}.{table.flow}"
        for position, row in enumerate(table.rows, start=1):
            value = self._value(row.get(VALUE), position, line_offset)
            status = self._status(row.get(status_col) if status_col else None, row.get(flag_col) if flag_col else None)
            if value is None or status is None:
                continue
            frequency = None
            if freq_dim and _text(row.get(freq_dim)):
                frequency = FREQUENCIES.get(_text(row[freq_dim]).upper())
                if frequency is None:
                    unsupported[_text(row[freq_dim])] += 1
                    continue
            try:
                period = parse_period(str(row[TIME]), frequency)
            except ValueError as error:
                raise self._error(str(error), position, line_offset) from error
            key = ".".join(_text(row.get(dim)) or "" for dim in self.key_dims)
            code = f"{prefix}.{key}" if key else prefix
            raw_area = _text(row.get(area_dim)) if area_dim else fixed
            if raw_area is None:
                continue
            area_code = mapper(raw_area) if area_dim else fixed
            first = seen.setdefault((code, area_code, period.code), raw_area)
            if first != raw_area:
                collisions[(code, raw_area, first)] += 1
                continue
            if code not in self.first_rows:
                self.first_rows[code] = row
                self.frequencies[code] = frequency or frequency_of(period)
            self.counts[code] += 1
            self.records.append(ObservationRecord(code, area_code, period.code, "_T", "_T", period.year, period.start,
                                                  value, status, source_id, file.prepared))  # fmt: skip
        for (code, raw_area, first), count in sorted(collisions.items()):
            notes.append(f"{where}: {code}: area {raw_area!r} is {mapper(raw_area)} like {first!r}, "
                         f"{count} values skipped")  # fmt: skip
        for frequency, count in sorted(unsupported.items()):
            notes.append(f"{where}: frequency {frequency!r} is not supported, {count} values skipped")

    def _error(self, reason: str, position: int, line_offset: int | None) -> LoadError:
        if line_offset is None:
            return LoadError(self.file.path, f"observation {position}: {reason}")
        return LoadError(self.file.path, reason, line=position + line_offset)

    def _value(self, raw: Any, position: int, line_offset: int | None) -> float | None:
        if raw is None or (isinstance(raw, str) and raw.strip().upper() in MISSING_VALUES):
            return None
        try:
            value = float(raw)
        except (TypeError, ValueError) as error:
            raise self._error(f"not a number: {raw!r}", position, line_offset) from error
        return value if math.isfinite(value) else None

    @staticmethod
    def _status(status: Any, flag: Any) -> str | None:
        """final, estimate, provisional or projection; None for a value marked missing."""
        code = (_text(status) or "").upper()
        if code in MISSING_STATUSES:
            return None
        if code in STATUSES:
            return STATUSES[code]
        letters = (_text(flag) or "").lower()
        return next((name for letter, name in FLAG_STATUSES if letter in letters), "final")

    def series(self) -> list[SdmxSeries]:
        names = self._names()
        result = []
        for code, row in self.first_rows.items():
            unit_column = _find(row, UNIT_COMPONENTS)
            unit = _text(row.get(unit_column)) if unit_column else None
            result.append(SdmxSeries(
                code=code, key=code.removeprefix(f"{self.table.agency}.{self.table.flow}").lstrip("."),
                name=names[code], unit=self._label(unit_column, unit) if unit else None,
                unit_multiplier=_int(row.get(_find(row, ("UNIT_MULT",)) or "")),
                decimals=_int(row.get(_find(row, ("DECIMALS",)) or "")), frequency=self.frequencies[code],
                observations=self.counts[code],
            ))  # fmt: skip
        return result

    def _label(self, component: str | None, code: str) -> str:
        names = self.structure.names.get(component or "", {}) if self.structure else {}
        return names.get(code) or code

    def _names(self) -> dict[str, str]:
        """Title attribute or flow name, plus what tells same-named series apart; else the code."""
        flow_name = self.structure.name if self.structure else None
        base = {}
        for code, row in self.first_rows.items():
            complete, title = (_text(row.get(column)) for column in TITLE_ATTRIBUTES)
            if not complete and title and flow_name and flow_name.lower() not in title.lower():
                title = f"{flow_name}: {title}"  # a short title ("Russian rouble") needs its flow
            base[code] = complete or title or flow_name or code
        groups: dict[str, list[str]] = defaultdict(list)
        for code, name in base.items():
            groups[name].append(code)
        names = {}
        for name, codes in groups.items():
            if len(codes) == 1 and name != flow_name:
                names[codes[0]] = name
                continue
            varying = [dim for dim in self.key_dims if len({_text(self.first_rows[c].get(dim)) for c in codes}) > 1]
            if len(codes) == 1:  # a lone series named after its flow: say which one it is
                varying = [dim for dim in self.key_dims if dim.upper() not in ("FREQ", "FREQUENCY")]
            for code in codes:
                parts = [self._describe(dim, _text(self.first_rows[code].get(dim)) or "") for dim in varying]
                names[code] = f"{name} ({', '.join(parts)})" if parts and name != code else name
        return names

    def _describe(self, dim: str, code: str) -> str:
        label = self._label(dim, code)
        return label if label != code else f"{dim}={code}"


def drop_unknown_areas(observations: list[ObservationRecord], sdmx_codes: Container[str],
                       known: Container[str]) -> tuple[list[ObservationRecord], list[str]]:  # fmt: skip
    """SDMX values for areas the area table lacks are left out and listed, not fatal."""
    unknown = Counter((record.indicator_code, record.area_code) for record in observations
                      if record.area_code not in known and record.indicator_code in sdmx_codes)  # fmt: skip
    if not unknown:
        return observations, []
    kept = [record for record in observations if record.area_code in known or record.indicator_code not in sdmx_codes]
    notes = [f"{code}: area {area!r} is not in the area table, {count} values skipped"
             for (code, area), count in sorted(unknown.items())]  # fmt: skip
    return kept, notes
