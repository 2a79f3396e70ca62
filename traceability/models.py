from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ScanAlertEmail(models.Model):
    """That an officer was sent the scan alerts of a day (traceability/alerts.py).

    `manage.py send_scan_alerts` runs from cron once a day; a second run the same day (a
    retry after a mail server error, a cron that fired twice) sends only to the officers
    not yet told, so nobody gets the same summary twice.
    """

    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("officer")
    )
    day = models.DateField(_("day reported"))
    alerts = models.PositiveIntegerField(_("alerts"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("scan alert email")
        verbose_name_plural = _("scan alert emails")
        constraints = [models.UniqueConstraint(fields=["officer", "day"], name="scan_alert_email_once_a_day")]

    def __str__(self):
        return f"{self.officer_id} · {self.day}"
