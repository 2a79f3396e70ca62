from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom layer: pieces every app uses and that know no app of ours (docs/architecture.md)."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import files

        files.connect()
