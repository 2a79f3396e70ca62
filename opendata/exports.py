"""The bulk files: every record of each Dataset as CSV and JSON, and datapackage.json.

Made with the API's serializers over the datasets' querysets (datasets.py), so a file's
records are the API's records. Written to the default storage (MEDIA_ROOT, or S3) under
OPENDATA_STORAGE_PREFIX, with names carrying the time they were made; `manifest.json`
beside them says which set is current, its cache generation and when it was made.

When they are made (docs/decisions.md, "Open data"):
- `manage.py export_open_data` (cron: nightly, and after a bulk import);
- lazily, when the page or a download finds them stale: the generations of what the files
  show (datasets.CONCERNS, with today's date: certificate statuses change at midnight)
  moved since they were made, and they are older than OPENDATA_REFRESH_SECONDS. One
  request makes them, under a lock in the cache; meanwhile the others get the previous set.

CSV: UTF-8 with a byte-order mark (Excel otherwise reads Vietnamese as mojibake), CRLF
lines, one column per leaf of the JSON record ("name.vi", "producer.slug"; a list's values
joined with "; "), cells a spreadsheet would evaluate marked as text
(catalogue/spreadsheets.py). The licence is inside every JSON file, in datapackage.json
(Frictionless Data Package, which the CSV files are resources of), in the `Link` header of
every download and on the page.
"""

import csv
import datetime
import decimal
import io
import json
import tempfile

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from rest_framework import serializers as drf

from catalogue.spreadsheets import is_live
from core import cache as ocop_cache

from . import licence, serializers
from .datasets import CONCERNS, DATASETS

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


def _in_both(text):
    return serializers.in_both(text)


def write_csv(dataset, file):
    """Write the dataset as CSV into `file` (text); the number of records."""
    file.write("\ufeff")  # the byte-order mark: Excel reads the file as UTF-8
    writer = csv.writer(file, lineterminator="\r\n")
    names = columns(dataset.serializer())
    writer.writerow(names)
    count = 0
    for record in records(dataset):
        flat = flatten(record)
        writer.writerow([cell(flat.get(name)) for name in names])
        count += 1
    return count


def write_json(dataset, file, generated_at):
    """Write the dataset as one JSON document into `file` (text); the number of records."""
    header = {
        "dataset": dataset.name,
        "title": _in_both(dataset.title),
        "description": _in_both(dataset.description),
        "license": licence.metadata(),
        "generated_at": generated_at.isoformat(),
        "api": f"{settings.SITE_URL}/api/v1/{dataset.name}/",
    }
    # The header's keys, then "records" one at a time: no list of 100,000 in memory.
    file.write(json.dumps(header, ensure_ascii=False, indent=1)[:-2] + ',\n "records": [')
    count = 0
    for record in records(dataset):
        file.write(("," if count else "") + "\n  " + json.dumps(record, ensure_ascii=False, cls=JSONEncoder))
        count += 1
    file.write(f'\n ],\n "count": {count}\n}}\n')
    return count


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
                    "title": str(_in_both(dataset.title)["en"]),
                    "description": _in_both(dataset.description)["en"],
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
    stamp = generated_at.strftime("%Y%m%dT%H%M%S")
    files = {}
    with translation.override(settings.LANGUAGE_CODE):
        for dataset in DATASETS:
            for file_format in FORMATS:
                # Through a temporary file on disk: a file of 100,000 records is never
                # held in memory whole.
                with tempfile.TemporaryFile() as raw:
                    text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
                    if file_format == "csv":
                        count = write_csv(dataset, text)
                    else:
                        count = write_json(dataset, text, generated_at)
                    text.flush()
                    size = raw.tell()
                    raw.seek(0)
                    path = _save(f"{dataset.name}-{stamp}.{file_format}", File(raw))
                    text.detach()
                files[f"{dataset.name}.{file_format}"] = {"path": path, "count": count, "bytes": size}
        package = datapackage(files, generated_at)
        files[PACKAGE] = {"path": _save(f"datapackage-{stamp}.json", ContentFile(package)), "bytes": len(package)}
    old = read_manifest()
    manifest = {"version": version, "generated_at": generated_at.isoformat(), "files": files}
    _save(MANIFEST, ContentFile(json.dumps(manifest).encode()))
    if old:
        for entry in old.get("files", {}).values():
            if entry["path"] not in {new["path"] for new in files.values()}:
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


def current_manifest():
    """The manifest of the files to serve now, making them first if there are none or they
    are stale (see the module's docstring)."""
    version = ocop_cache.version(CONCERNS)
    manifest = read_manifest()
    if manifest and manifest["version"] == version:
        return manifest
    if manifest:
        age = (timezone.now() - generated_at(manifest)).total_seconds()
        same_day = timezone.localdate(generated_at(manifest)) == timezone.localdate()
        if same_day and age < settings.OPENDATA_REFRESH_SECONDS:
            return manifest
    locked = cache.add(LOCK_KEY, 1, LOCK_SECONDS)
    if not locked and manifest:
        return manifest  # another request is making them: the previous set meanwhile
    try:
        return export(version)
    finally:
        if locked:
            cache.delete(LOCK_KEY)
