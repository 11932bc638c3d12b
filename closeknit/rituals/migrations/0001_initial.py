# Rituals moved here from `dates`: their tables stay as they are (state only).

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from closeknit.lib.contenttypes import follow_models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("couples", "0001_initial"),
        ("dates", "0002_load_content"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Ritual",
                    fields=[
                        ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ("key", models.CharField(max_length=40, unique=True)),
                        ("title", models.CharField(max_length=120)),
                        ("description", models.TextField()),
                        ("when", models.CharField(max_length=120)),
                    ],
                    options={"db_table": "dates_ritual", "ordering": ["key"]},
                ),
                migrations.CreateModel(
                    name="CoupleRitual",
                    fields=[
                        ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ("title", models.CharField(max_length=120)),
                        ("description", models.TextField(blank=True)),
                        ("when", models.CharField(blank=True, max_length=120)),
                        ("created", models.DateTimeField(default=django.utils.timezone.now)),
                        ("added_by", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("couple", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="rituals", to="couples.couple")),
                        ("source", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="rituals.ritual")),
                    ],
                    options={
                        "db_table": "dates_coupleritual",
                        "ordering": ["created"],
                        "indexes": [models.Index(fields=["couple", "created"], name="dates_coupl_couple__49b537_idx")],
                    },
                ),
                migrations.CreateModel(
                    name="RitualMark",
                    fields=[
                        ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ("day", models.DateField()),
                        ("created", models.DateTimeField(default=django.utils.timezone.now)),
                        ("couple", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="couples.couple")),
                        ("marked_by", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("ritual", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="marks", to="rituals.coupleritual")),
                    ],
                    options={
                        "db_table": "dates_ritualmark",
                        "indexes": [models.Index(fields=["couple", "day"], name="dates_ritua_couple__de3c8d_idx")],
                        "constraints": [models.UniqueConstraint(fields=("ritual", "day"), name="one_mark_per_day")],
                    },
                ),
            ],
        ),
        follow_models("dates", "rituals", ["ritual", "coupleritual", "ritualmark"]),
    ]
