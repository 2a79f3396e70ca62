"""The "District officers" group with the role's permissions (villages/roles.py).

On a fresh database the permissions of catalogue, showrooms and orders do not exist yet
when this runs; the post_migrate receiver (VillagesConfig.ready) adds them at the end of
the same `migrate`. On a database where load_demo made the group, this sets it to exactly
the role (it gains view_craft; scans become read-only).
"""

from django.db import migrations

from villages import roles


def create_role(apps, schema_editor):
    roles.officers_group(apps, schema_editor.connection.alias, exactly=True)


class Migration(migrations.Migration):
    dependencies = [
        ("villages", "0006_history_and_safe_images"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_role, migrations.RunPython.noop)]
