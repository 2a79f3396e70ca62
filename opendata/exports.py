"""The bulk files: every record of each Dataset as CSV and JSON, and datapackage.json.

Made with the API's serializers over the datasets' querysets (datasets.py), so a file's
records are the API's records. Written to the default storage (MEDIA_ROOT, or S3) under
OPENDATA_STORAGE_PREFIX, with names carrying the time they were made; `manifest.json`
beside them says which set is current, its cache generation and when it was made.

When they are made (docs/decisions.md, "Open data"):
- `manage.py export_open_data` (cron: nightly, and after a bulk import);
- lazily, when the page or a download finds them stale: the generations of what the files
  show (datasets.CONCERNS, with today's date: certificate statuses change at midnight)
  moved since they were made, and they are older than OPENDATA_REFRESH_SECONDS. That
  request starts a thread that makes them (one at a time: a lock in the cache) and is
  answered with the previous set at once, as is everyone until the new set is written: at
  100,000 products a set takes over a minute, longer than a worker may spend on a request.
  Only when there is no set at all does the request wait for the first one.

The previous set is kept until the next one replaces it, so a download that read the
manifest just before a new set was written still finds its file.

CSV: UTF-8 with a byte-order mark (Excel otherwise reads Vietnamese as mojibake), CRLF
lines, one column per leaf of the JSON record ("name.vi", "producer.slug"; a list's values
joined with "; "), cells a spreadsheet would evaluate marked as text
(catalogue/spreadsheets.py). The licence is inside every JSON file, in datapackage.json
(Frictionless Data Package, which the CSV files are resources of), in the `Link` header of
every download and on the page.
"""

import contextlib
import csv
import datetime
import decimal
import io
import json
import logging
import tempfile
import threading
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import connections
from django.utils import timezone, translation
from rest_framework import serializers as drf

from catalogue.spreadsheets import is_live
from core import cache as ocop_cache

from . import licence, serializers
from .datasets import CONCERNS, DATASETS

logger = logging.getLogger(__name__)

FORMATS = ("csv", "json")
MANIFEST = "manifest.json"
PACKAGE = "datapackage.json"
LOCK_KEY = "ocop:opendata:export-lock"
LOCK_SECONDS = 15 * 60
CHUNK = 2000
LIST_SEPARATOR = "; "


def _path(name):
    return f"{settings.OPENDATA_STORAGE_PREFIX}/{name}"


# --- Records as rows ----------------------------------------------------------------------


def columns(serializer, prefix=""):
    """The CSV columns of a serializer's records: one per leaf, in the JSON's order."""
    names = []
    for name, field in serializer.fields.items():
        path = f"{prefix}{name}"
        if isinstance(field, drf.ListSerializer):
            names += columns(field.child, path + ".")
        elif isinstance(field, drf.Serializer):
            names += columns(field, path + ".")
        elif isinstance(field, (serializers.TranslatedField, serializers.PageUrlField)):
            names += [f"{path}.{language}" for language in serializers.LANGUAGES]
        elif isinstance(field, serializers.ChoiceField):
            names += [f"{path}.code", *(f"{path}.label.{language}" for language in serializers.LANGUAGES)]
        else:
            names.append(path)
    return names


def flatten(value, prefix=""):
    """{"name": {"vi": "…"}} → {"name.vi": "…"}; a list of records → each leaf's values joined."""
    if isinstance(value, dict):
        flat = {}
        for key, item in value.items():
            flat.update(flatten(item, f"{prefix}{key}."))
        return flat
    if isinstance(value, list):
        joined = {}
        for item in value:
            for key, leaf in flatten(item, prefix).items():
                joined.setdefault(key, []).append(cell(leaf))
        return {key: LIST_SEPARATOR.join(values) for key, values in joined.items()}
    return {prefix.rstrip("."): value}


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, decimal.Decimal):
        value = float(value)  # 20.97, as the API and the JSON file give it, not 20.970000
    text = str(value)
    return "'" + text if is_live(text) else text  # text, not a formula, in a spreadsheet


class JSONEncoder(json.JSONEncoder):
    """As the API renders: coordinates (Decimal) as numbers, dates as ISO text."""

    def default(self, value):
        if isinstance(value, decimal.Decimal):
            return float(value)
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()
        return super().default(value)


def records(dataset):
    """The dataset's records, as the API gives them, a chunk of rows at a time."""
    serializer = dataset.serializer()
    for row in dataset.queryset().iterator(chunk_size=CHUNK):
        yield serializer.to_representation(row)


# --- Writing --------------------------------------------------------------------------------


class CsvWriter:
    """A dataset as CSV, a record at a time."""

    def __init__(self, file, dataset, generated_at):
        self.names = columns(dataset.serializer())
        file.write("\ufeff")  # the byte-order mark: Excel reads the file as UTF-8
        self.writer = csv.writer(file, lineterminator="\r\n")
        self.writer.writerow(self.names)

    def write(self, record):
        flat = flatten(record)
        self.writer.writerow([cell(flat.get(name)) for name in self.names])

    def close(self, count):
        pass


class JsonWriter:
    """A dataset as one JSON document: its description and licence, then "records" a
    record at a time (no list of 100,000 in memory), then the count."""

    def __init__(self, file, dataset, generated_at):
        self.file = file
        self.first = True
        header = {
            "dataset": dataset.name,
            "title": serializers.in_both(dataset.title),
            "description": serializers.in_both(dataset.description),
            "license": licence.metadata(),
            "generated_at": generated_at.isoformat(),
            "api": f"{settings.SITE_URL}/api/v1/{dataset.name}/",
        }
        # The header's keys without its closing brace, then the records' list.
        file.write(json.dumps(header, ensure_ascii=False, indent=1)[:-2] + ',\n "records": [')

    def write(self, record):
        self.file.write(("" if self.first else ",") + "\n  " + json.dumps(record, ensure_ascii=False, cls=JSONEncoder))
        self.first = False

    def close(self, count):
        self.file.write(f'\n ],\n "count": {count}\n}}\n')


WRITERS = {"csv": CsvWriter, "json": JsonWriter}


def write_dataset(dataset, stamp, generated_at):
    """Both files of a dataset from one pass over its rows, each through a temporary file
    on disk (a file of 100,000 records is never held in memory whole); their entries."""
    with contextlib.ExitStack() as stack:
        raws = {fmt: stack.enter_context(tempfile.TemporaryFile()) for fmt in FORMATS}
        texts = {fmt: io.TextIOWrapper(raws[fmt], encoding="utf-8", newline="") for fmt in FORMATS}
        writers = [WRITERS[fmt](texts[fmt], dataset, generated_at) for fmt in FORMATS]
        count = 0
        for record in records(dataset):
            for writer in writers:
                writer.write(record)
            count += 1
        entries = {}
        for fmt, writer in zip(FORMATS, writers):
            writer.close(count)
            texts[fmt].flush()
            size = raws[fmt].tell()
            raws[fmt].seek(0)
            path = _save(f"{dataset.name}-{stamp}.{fmt}", File(raws[fmt]))
            texts[fmt].detach()  # the temporary file closes with the stack, not twice
            entries[f"{dataset.name}.{fmt}"] = {"path": path, "count": count, "bytes": size}
        return entries


def datapackage(files, generated_at):
    """The Frictionless Data Package describing the files: what they are and their licence."""
    resources = []
    for dataset in DATASETS:
        for file_format in FORMATS:
            name = f"{dataset.name}.{file_format}"
            resources.append(
                {
                    "name": f"{dataset.name}-{file_format}",
                    "path": name,
                    "title": str(serializers.in_both(dataset.title)["en"]),
                    "description": serializers.in_both(dataset.description)["en"],
                    "format": file_format,
                    "mediatype": "text/csv" if file_format == "csv" else "application/json",
                    "encoding": "utf-8-sig" if file_format == "csv" else "utf-8",
                    "bytes": files[name]["bytes"],
                    "count": files[name]["count"],
                }
            )
    package = {
        "name": "ocop-ha-noi",
        "title": "OCOP Hà Nội open data",
        "homepage": settings.SITE_URL + "/open-data/",
        "licenses": [{"name": "CC-BY-4.0", "path": licence.URL, "title": str(licence.TITLE)}],
        "attribution": licence.ATTRIBUTION,
        "created": generated_at.isoformat(),
        "resources": resources,
    }
    return json.dumps(package, ensure_ascii=False, indent=2).encode("utf-8")


def export(version=None):
    """Write every file anew and make it the current set; the new manifest."""
    version = version or ocop_cache.version(CONCERNS)
    generated_at = timezone.now().replace(microsecond=0)
    # Unique even for two sets made within a second: a set never overwrites another's files.
    stamp = f"{generated_at:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    files = {}
    with translation.override(settings.LANGUAGE_CODE):
        for dataset in DATASETS:
            files.update(write_dataset(dataset, stamp, generated_at))
        package = datapackage(files, generated_at)
        files[PACKAGE] = {"path": _save(f"datapackage-{stamp}.json", ContentFile(package)), "bytes": len(package)}
    old = read_manifest() or {}
    manifest = {
        "version": version,
        "generated_at": generated_at.isoformat(),
        "files": files,
        "previous_files": old.get("files", {}),
    }
    _save(MANIFEST, ContentFile(json.dumps(manifest).encode()))
    kept = {entry["path"] for entry in [*files.values(), *manifest["previous_files"].values()]}
    for entry in old.get("previous_files", {}).values():
        if entry["path"] not in kept:
            default_storage.delete(entry["path"])
    return manifest


def _save(name, file):
    """Store `file` under exactly this name (the storage would otherwise add a suffix)."""
    path = _path(name)
    if default_storage.exists(path):
        default_storage.delete(path)
    return default_storage.save(path, file)


def read_manifest():
    try:
        with default_storage.open(_path(MANIFEST)) as file:
            return json.loads(file.read())
    except (FileNotFoundError, OSError, ValueError):
        return None


def generated_at(manifest):
    return datetime.datetime.fromisoformat(manifest["generated_at"])


def is_current(manifest, version):
    """Whether a set may still be served as it is (see the module's docstring)."""
    if manifest["version"] == version:
        return True
    made = generated_at(manifest)
    age = (timezone.now() - made).total_seconds()
    return timezone.localdate(made) == timezone.localdate() and age < settings.OPENDATA_REFRESH_SECONDS


def current_manifest(background=True):
    """The manifest of the set to serve now. A stale set is remade, in a thread with
    background=True (the page and downloads) and before returning otherwise (the command);
    with no set at all, the first is made before returning."""
    version = ocop_cache.version(CONCERNS)
    manifest = read_manifest()
    if manifest and is_current(manifest, version):
        return manifest
    if not cache.add(LOCK_KEY, 1, LOCK_SECONDS):
        if manifest:
            return manifest  # another request is making them: the previous set meanwhile
        return export(version)  # none at all yet, and nothing to offer meanwhile
    if manifest and background:
        _start_in_background(version)
        return manifest
    try:
        return export(version)
    finally:
        cache.delete(LOCK_KEY)


_background = None


def _start_in_background(version):
    global _background

    def run():
        try:
            export(version)
        except Exception:
            logger.exception("Could not make the open-data files")
        finally:
            cache.delete(LOCK_KEY)
            connections.close_all()  # this thread's own database connection

    _background = threading.Thread(target=run, name="opendata-export", daemon=True)
    _background.start()


def wait_for_background(timeout=60):
    """Wait for a set being made in the background (tests, and the command)."""
    if _background is not None:
        _background.join(timeout)
