"""Signals the catalogue sends for the apps above it to act on."""

from django.dispatch import Signal

# Sent just before the scan log is counted (the scan admin, a product's scans, the
# dashboard). Scans may wait in a buffer before they are written (traceability.scans
# connects the receiver that writes them), so the counts include every scan until now.
scan_log_read = Signal()
