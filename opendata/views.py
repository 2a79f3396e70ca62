"""The /open-data/ page (in both languages) and the bulk file downloads."""

import hashlib
import mimetypes

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from . import exports, licence, throttling
from .datasets import DATASETS, LOOKUPS

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
DOWNLOAD_MAX_AGE = 300


def open_data(request):
    manifest = exports.current_manifest()
    files = manifest["files"]
    datasets = [
        {
            "dataset": dataset,
            "api_url": reverse("opendata_api:" + dataset.name + "-list"),
            "downloads": [
                {
                    "format": file_format.upper(),
                    "url": reverse("opendata_files:download", kwargs={"name": f"{dataset.name}.{file_format}"}),
                    "count": files[f"{dataset.name}.{file_format}"]["count"],
                    "bytes": files[f"{dataset.name}.{file_format}"]["bytes"],
                }
                for file_format in exports.FORMATS
            ],
        }
        for dataset in DATASETS
    ]
    lookups = [
        {"dataset": dataset, "api_url": reverse("opendata_api:" + dataset.name + "-list")} for dataset in LOOKUPS
    ]
    context = {
        "datasets": datasets,
        "lookups": lookups,
        "generated_at": exports.generated_at(manifest),
        "licence": licence,
        "package_url": reverse("opendata_files:download", kwargs={"name": exports.PACKAGE}),
        "api_root": settings.SITE_URL + "/api/v1/",
        "refresh_minutes": max(1, settings.OPENDATA_REFRESH_SECONDS // 60),
        "limit": throttling.limit_in_words(),
    }
    return render(request, "opendata/open_data.html", context)


def download(request, name):
    """One bulk file, the current set's (made first if stale): no language, no session."""
    manifest = exports.current_manifest()
    entry = manifest["files"].get(name)
    if entry is None:
        raise Http404
    etag = '"%s"' % hashlib.sha256(entry["path"].encode()).hexdigest()[:32]
    last_modified = exports.generated_at(manifest).timestamp()
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is None:
        try:
            file = default_storage.open(entry["path"])
        except FileNotFoundError:
            raise Http404 from None  # replaced by a newer set since the manifest was read
        extension = name.rsplit(".", 1)[-1]
        response = FileResponse(
            file,
            as_attachment=True,
            filename=f"ocop-ha-noi-{name}",
            content_type=CONTENT_TYPES.get(extension) or mimetypes.guess_type(name)[0],
        )
    else:
        response = not_modified
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = f"public, max-age={DOWNLOAD_MAX_AGE}"
    response["Link"] = licence.link_header()
    response["X-Content-Type-Options"] = "nosniff"
    return response
