"""Reading delimited text with the line numbers that error messages need."""

import csv
from collections.abc import Iterator
from pathlib import Path

from catalog.loaders.records import LoadError


def read_rows(path: Path, expected: list[str], delimiter: str = ",") -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line, row)`` after checking that the header holds the ``expected`` columns."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as error:
        raise LoadError(path, f"cannot open: {error.strerror}") from error
    with handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            raise LoadError(path, "empty file", line=1) from None
        except (csv.Error, UnicodeDecodeError) as error:
            raise LoadError(path, f"unreadable header: {error}", line=1) from error
        missing = [column for column in expected if column not in header]
        if missing:
            raise LoadError(path, f"missing columns {missing}; header is {header}", line=1)
        try:
            for fields in reader:
                if not fields:
                    continue
                if len(fields) != len(header):
                    raise LoadError(path, f"expected {len(header)} fields, found {len(fields)}", line=reader.line_num)
                yield reader.line_num, dict(zip(header, fields))
        except (csv.Error, UnicodeDecodeError) as error:
            raise LoadError(path, f"unreadable row: {error}", line=reader.line_num) from error


def parse_number(text: str, path: Path, line: int, decimal_comma: bool = False) -> float:
    cleaned = text.strip()
    if decimal_comma:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        raise LoadError(path, f"not a number: {text!r}", line=line) from None


def parse_int(text: str, path: Path, line: int) -> int:
    try:
        return int(float(text))
    except ValueError:
        raise LoadError(path, f"not an integer: {text!r}", line=line) from None
