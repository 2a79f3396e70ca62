"""Hanoi's 126 communes and wards since 1 July 2025, and villages pointing to theirs.

- Creates Commune and loads villages/data/hanoi_communes_2025.csv (75 xã, 51 phường; source
  and licence in villages/data/README.md).
- Village.current_commune (free text) is renamed commune_note and kept as it was: nothing
  typed is lost. The new Village.commune points to the unit the text names, matched without
  diacritics and with or without the kind word ("Xã Bát Tràng", "bat trang"); text that names
  no unit (or two) leaves commune empty, is listed in the migration's output and stays in
  commune_note for an officer to resolve (the admin's village list filters by commune).
"""

import sys

import django.db.models.deletion
from django.db import migrations, models

from villages import communes


def load_communes(apps, schema_editor):
    communes.load(apps.get_model("villages", "Province"), apps.get_model("villages", "Commune"))


def unload_communes(apps, schema_editor):
    apps.get_model("villages", "Commune").objects.all().delete()


def match_villages(apps, schema_editor):
    Village = apps.get_model("villages", "Village")
    matcher = communes.Matcher(apps.get_model("villages", "Commune").objects.all())
    unknown = []
    for village in Village.objects.exclude(commune_note="").filter(commune__isnull=True).order_by("pk"):
        found = matcher.find(village.commune_note)
        if found is None:
            unknown.append(village)
            continue
        Village.objects.filter(pk=village.pk).update(commune=found)
    if unknown:
        sys.stdout.write(
            f"\n  {len(unknown)} village(s) name a commune not in the official list; their text stays "
            "in commune_note, commune left empty:\n"
        )
        for village in unknown:
            sys.stdout.write(f"    {village.slug}: {village.commune_note!r}\n")


class Migration(migrations.Migration):

    dependencies = [
        ('villages', '0007_district_officers_role'),
    ]

    operations = [
        migrations.RenameField(model_name='historicalvillage', old_name='current_commune', new_name='commune_note'),
        migrations.RenameField(model_name='village', old_name='current_commune', new_name='commune_note'),
        migrations.AlterField(
            model_name='historicalvillage',
            name='commune_note',
            field=models.CharField(blank=True, help_text='The commune or ward as it was typed before the official list was loaded; kept for the record, and to fill in the commune above where it was not recognised.', max_length=150, verbose_name='commune as written before'),
        ),
        migrations.AlterField(
            model_name='village',
            name='commune_note',
            field=models.CharField(blank=True, help_text='The commune or ward as it was typed before the official list was loaded; kept for the record, and to fill in the commune above where it was not recognised.', max_length=150, verbose_name='commune as written before'),
        ),
        migrations.CreateModel(
            name='Commune',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=5, unique=True, verbose_name='official code')),
                ('name', models.CharField(help_text="As officially written, e.g. 'Xã Bát Tràng'.", max_length=100, verbose_name='name')),
                ('slug', models.SlugField(max_length=100, unique=True, verbose_name='slug')),
                ('kind', models.CharField(choices=[('xa', 'commune (xã)'), ('phuong', 'ward (phường)')], max_length=10, verbose_name='kind')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='communes', to='villages.province', verbose_name='province')),
            ],
            options={
                'verbose_name': 'commune or ward',
                'verbose_name_plural': 'communes and wards',
                'ordering': ['name'],
            },
        ),
        migrations.AddField(
            model_name='historicalvillage',
            name='commune',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='The commune or ward this village belongs to since the July 2025 reform. Stored as officially named, not derived from the district; empty when not known.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='villages.commune', verbose_name='current commune or ward'),
        ),
        migrations.AddField(
            model_name='village',
            name='commune',
            field=models.ForeignKey(blank=True, help_text='The commune or ward this village belongs to since the July 2025 reform. Stored as officially named, not derived from the district; empty when not known.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='villages', to='villages.commune', verbose_name='current commune or ward'),
        ),
        migrations.AddConstraint(
            model_name='commune',
            constraint=models.CheckConstraint(condition=models.Q(('code__regex', '^[0-9]{5}$')), name='commune_code_five_digits'),
        ),
        migrations.RunPython(load_communes, unload_communes),
        migrations.RunPython(match_villages, migrations.RunPython.noop),
    ]
