"""The admin side of CSV/Excel import and export (django-import-export), for officers.

Between the preview and the confirmation the uploaded file must survive: the confirming
request may reach another gunicorn worker or another instance. The library's default
keeps it in the local /tmp (not shared, never removed when a preview is abandoned) and
puts its server path in the confirmation form. Here the file goes to the storage every
instance shares (MEDIA_ROOT on one machine, the S3 bucket with several; the cache would
not do: without Redis it is per worker) under a random name, and the form carries that
name signed for the officer who uploaded it, so a form cannot point at any other file or
at another officer's upload. The file is removed when the import is confirmed, when the
preview found errors, and, for previews never confirmed, after PENDING_HOURS (checked at
every new upload).
"""

import datetime
import json
import re
from uuid import uuid4

import tablib
from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.forms import ConfirmImportForm
from import_export.tmp_storages import MediaStorage

from core.cache import CATALOGUE, COUNTS, bump_on_commit
from core.db import analyze

from .spreadsheets import SafeCSV, SafeXLSX

PENDING_HOURS = 6
PENDING_FOLDER = "imports-pending"
PENDING_NAME = re.compile(r"[0-9a-f]{32}")


class PendingImportStorage(MediaStorage):
    """An uploaded import file waiting for its confirmation, in shared media storage."""

    def __init__(self, **kwargs):
        super().__init__(MEDIA_FOLDER=PENDING_FOLDER, **kwargs)

    def get_full_path(self):
        if not PENDING_NAME.fullmatch(self.name or ""):
            raise SuspiciousOperation("Not a pending import's name.")
        return f"{PENDING_FOLDER}/{self.name}"

    def save(self, data):
        self.remove_stale()
        self.name = uuid4().hex
        self._storage.save(self.get_full_path(), self._content(data))

    @staticmethod
    def _content(data):
        from django.core.files.base import ContentFile

        return ContentFile(data.encode("utf-8") if isinstance(data, str) else data)

    def exists(self):
        return PENDING_NAME.fullmatch(self.name or "") is not None and self._storage.exists(self.get_full_path())

    def remove(self):
        if self.exists():
            self._storage.delete(self.get_full_path())
        if PENDING_NAME.fullmatch(self.name or "") and self._storage.exists(self.progress_path()):
            self._storage.delete(self.progress_path())

    def storage_path(self):
        try:
            return self._storage.path(self.get_full_path())
        except NotImplementedError:  # object storage has no local path
            return self.get_full_path()

    def list_pending(self):
        """Every file of a pending import: its data (NAME) and, for a long file, its progress (NAME.json)."""
        if not self._storage.exists(PENDING_FOLDER):
            return []
        return [name for name in self._storage.listdir(PENDING_FOLDER)[1] if PENDING_NAME.fullmatch(name[:32])]

    def progress_path(self):
        return self.get_full_path() + ".json"

    def read_progress(self):
        with self._storage.open(self.progress_path(), "rb") as file:
            return json.loads(file.read())

    def write_progress(self, progress):
        from django.core.files.base import ContentFile

        if self._storage.exists(self.progress_path()):
            self._storage.delete(self.progress_path())
        self._storage.save(self.progress_path(), ContentFile(json.dumps(progress).encode()))

    @classmethod
    def remove_stale(cls, now=timezone.now):
        storage = cls()
        limit = now() - datetime.timedelta(hours=PENDING_HOURS)
        for name in storage.list_pending():
            path = f"{PENDING_FOLDER}/{name}"
            try:
                if storage._storage.get_modified_time(path) < limit:
                    storage._storage.delete(path)
            except FileNotFoundError:  # another worker removed it first
                pass


class SignedConfirmImportForm(ConfirmImportForm):
    """The confirmation carries the pending file's name signed for the uploader."""

    EXPIRED = _("This preview has expired or was not made by you: upload the file again.")
    import_file_name = forms.CharField(widget=forms.HiddenInput(), required=False)

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    @classmethod
    def signer(cls, user):
        return signing.TimestampSigner(salt=f"catalogue.import:{user.pk}")

    @classmethod
    def token_for(cls, user, name):
        return cls.signer(user).sign(name)

    @classmethod
    def pending_name(cls, user, token):
        """The pending file's name in `token`, if the token is this user's and not too old."""
        try:
            name = cls.signer(user).unsign(token or "", max_age=datetime.timedelta(hours=PENDING_HOURS))
        except signing.BadSignature:
            return None
        return name if PENDING_NAME.fullmatch(name) else None

    def clean_import_file_name(self):
        name = self.pending_name(self.user, self.cleaned_data["import_file_name"])
        if name is None or not PendingImportStorage(name=name).exists():  # forged, old, or done
            raise forms.ValidationError(self.EXPIRED, code="expired")
        return name


class OfficerImportExportMixin(ImportExportMixin):
    """CSV/Excel import (with a dry-run preview) and export of the filtered list.

    The resource is told who imports, so an officer's rows resolve only to records in
    their districts (catalogue/resources.py); export starts from get_queryset, so it is
    scoped like the list. Both formats neutralise formulas (catalogue/spreadsheets.py).
    """

    formats = [SafeCSV, SafeXLSX]
    tmp_storage_class = PendingImportStorage
    confirm_form_class = SignedConfirmImportForm
    # The preview lists at most this many rows (with every row's errors): a page of
    # 10,000 rows helps nobody and takes longer to send than the import takes to check.
    preview_rows = 100
    error_rows = 500

    def get_resource_kwargs(self, request, *args, **kwargs):
        return {**super().get_resource_kwargs(request, *args, **kwargs), "user": request.user}

    def get_export_data(self, file_format, request, queryset, **kwargs):
        # As the library's own, except that it gives native numbers and dates only to its
        # own XLSX class (an exact type check), so SafeXLSX would write numbers as text.
        if not self.has_export_permission(request):
            raise PermissionDenied
        data = self.get_data_for_export(request, queryset, force_native_type=file_format.is_binary(), **kwargs)
        export_data = file_format.export_data(data)
        encoding = kwargs.get("encoding")
        if not file_format.is_binary() and encoding:
            export_data = export_data.encode(encoding)
        return export_data

    def process_result(self, result, request):
        # The end of an import of one request (the library's confirmation).
        self.imported()
        return super().process_result(result, request)

    def imported(self):
        """After an import has written its rows: fresh planner statistics (PostgreSQL) and
        fresh pages. Rows saved one by one have bumped the cache already; the bump here
        also covers whatever a resource writes in bulk."""
        analyze(self.model)
        bump_on_commit(CATALOGUE, COUNTS)

    def get_confirm_form_kwargs(self, request, import_form=None):
        return {**super().get_confirm_form_kwargs(request, import_form), "user": request.user}

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if initial.get("import_file_name"):
            initial["import_file_name"] = SignedConfirmImportForm.token_for(request.user, initial["import_file_name"])
        return initial

    def get_import_context_data(self, **kwargs):
        return {
            **super().get_import_context_data(**kwargs),
            "preview_rows": self.preview_rows,
            "preview_rows_slice": f":{self.preview_rows}",
            "error_rows": self.error_rows,
            "error_rows_slice": f":{self.error_rows}",
        }

    def import_action(self, request, **kwargs):
        if request.method == "POST" and self.has_import_permission(request):
            long_import = self.long_import_redirect(request)
            if long_import is not None:
                return long_import
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None) or {}
        form = context.get("form")
        if request.method == "POST" and not context.get("confirm_form") and form is not None and form.is_valid():
            # A preview that cannot be confirmed: its file has no further use.
            name = getattr(form.cleaned_data["import_file"], "tmp_storage_name", None)
            if name:
                PendingImportStorage(name=name).remove()
        return response

    # --- long files: checked and imported in steps -------------------------------------
    # One request cannot check 10,000 rows within a worker's timeout (docs/performance.md),
    # so a file longer than chunk_rows is checked, then imported, chunk_rows rows per
    # request; the page moves on by itself and shows how far it is. The progress lives
    # beside the file in the shared storage, so any worker or instance can take the next
    # step. The check covers the whole file before anything is saved; the import then
    # commits each step on its own: if a row fails then (someone changed the data
    # between check and confirmation), the steps before it stay saved, the page says so,
    # and importing the same file again skips the rows already saved as unchanged.
    chunk_rows = 500
    max_stored_errors = 500

    def get_urls(self):
        info = self.get_model_info()
        return [
            path("import/steps/", self.admin_site.admin_view(self.import_steps_view), name="%s_%s_import_steps" % info),
        ] + super().get_urls()

    def long_import_redirect(self, request):
        """For a valid upload longer than chunk_rows: store it and go to the step page."""
        form = self.create_import_form(request)
        if not form.is_valid():
            return None
        format_index = int(form.cleaned_data["format"])
        input_format = self.get_import_formats()[format_index](encoding=self.from_encoding)
        upload = form.cleaned_data["import_file"]
        data = b"".join(upload.chunks())
        try:
            dataset = input_format.create_dataset(data)
        except Exception:  # the library's own flow reports an unreadable file
            return None
        if len(dataset) <= self.chunk_rows:
            return None
        storage = PendingImportStorage()
        storage.save(data)
        progress = {
            "user": request.user.pk,
            "format": format_index,
            "resource": int(form.cleaned_data.get("resource") or 0),
            "file_name": upload.name,
            "total": len(dataset),
            "done": 0,
            "mode": "check",
            "totals": {"new": 0, "update": 0, "skip": 0},
            "errors": [],
            "error_rows": 0,
            "saved": 0,
        }
        self.add_duplicate_slug_errors(dataset, progress)
        storage.write_progress(progress)
        token = SignedConfirmImportForm.token_for(request.user, storage.name)
        return redirect(self.import_steps_url(token))

    def import_steps_url(self, token):
        info = self.get_model_info()
        return (
            reverse("admin:%s_%s_import_steps" % info, current_app=self.admin_site.name)
            + "?"
            + urlencode({"job": token})
        )

    @staticmethod
    def add_duplicate_slug_errors(dataset, progress):
        # Steps are checked apart, so a slug twice in the file must be caught here.
        if "slug" not in (dataset.headers or []):
            return
        first_row = {}
        for number, slug in enumerate(dataset["slug"], 1):
            slug = str(slug or "").strip()
            if slug and slug in first_row:
                progress["error_rows"] += 1
                progress["errors"].append(
                    [
                        number,
                        [
                            str(
                                _("slug “%(slug)s” is already on row %(row)s of this file.")
                                % {"slug": slug, "row": first_row[slug]}
                            )
                        ],
                    ]
                )
            first_row.setdefault(slug, number)

    def run_import_step(self, request, storage, progress):
        input_format = self.get_import_formats()[progress["format"]](encoding=self.from_encoding)
        dataset = input_format.create_dataset(storage.read())
        start = progress["done"]
        part = tablib.Dataset(*dataset[start : start + self.chunk_rows], headers=dataset.headers)
        resource_class = self.get_import_resource_classes(request)[progress["resource"]]
        resource = resource_class(**self.get_import_resource_kwargs(request))
        checking = progress["mode"] == "check"
        result = resource.import_data(
            part,
            dry_run=checking,
            raise_errors=False,
            use_transactions=True,
            rollback_on_validation_errors=True,
            file_name=progress["file_name"],
            user=request.user,
            retain_instance_in_row_result=not checking,
        )
        errors = [
            [
                start + row.number,
                [f"{field}: {error}" for field, messages in row.field_specific_errors.items() for error in messages]
                + [str(error) for error in row.non_field_specific_errors],
            ]
            for row in result.invalid_rows
        ] + [[start + line, [str(error.error) for error in row_errors]] for line, row_errors in result.row_errors()]
        errors += [[None, [str(error.error)]] for error in result.base_errors]
        progress["error_rows"] += len(errors)
        progress["errors"] = (progress["errors"] + sorted(errors, key=lambda e: e[0] or 0))[: self.max_stored_errors]
        if not errors:
            for key in progress["totals"]:
                progress["totals"][key] += result.totals[key]
            if not checking:
                progress["saved"] += len(part)
                self.generate_log_entries(result, request)
        progress["done"] = start + len(part)
        if errors and not checking:
            progress["done"] = progress["total"]  # stop at the first failing step

    def import_steps_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        token = request.POST.get("job") or request.GET.get("job") or ""
        name = SignedConfirmImportForm.pending_name(request.user, token)
        storage = PendingImportStorage(name=name) if name else None
        if storage is None or not storage._storage.exists(storage.progress_path()):
            messages.error(request, SignedConfirmImportForm.EXPIRED)
            return redirect(reverse("admin:%s_%s_import" % self.get_model_info(), current_app=self.admin_site.name))
        progress = storage.read_progress()
        finished = progress["done"] >= progress["total"]
        if request.method == "POST":
            if not finished:
                self.run_import_step(request, storage, progress)
            elif progress["mode"] == "check" and not progress["errors"] and "confirm" in request.POST:
                progress.update(mode="import", done=0, totals={"new": 0, "update": 0, "skip": 0})
            storage.write_progress(progress)
            if progress["mode"] == "import" and progress["done"] >= progress["total"] and not progress["errors"]:
                storage.remove()
                self.imported()
                self.add_success_message(StepTotals(progress["totals"]), request)
                return redirect(
                    reverse("admin:%s_%s_changelist" % self.get_model_info(), current_app=self.admin_site.name)
                )
            return redirect(self.import_steps_url(token))
        if finished and progress["errors"]:
            storage.remove()  # nothing more can be done with this file: fix it and upload again
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import"),
            "opts": self.model._meta,
            "progress": progress,
            "job": token,
            "finished": finished,
            "percent": int(100 * progress["done"] / progress["total"]),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/import_export/import_steps.html", context)


class StepTotals:
    """The totals of a stepped import, shaped like a library Result for its success message."""

    def __init__(self, totals):
        self.totals = {"new": totals["new"], "update": totals["update"], "delete": 0, "skip": totals["skip"]}
