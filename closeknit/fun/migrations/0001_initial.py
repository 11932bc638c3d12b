# Shows and the jokes jar moved here from `dates`: their tables stay as they are (state only).

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import closeknit.lib.fields
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
                    name="Show",
                    fields=[
                        ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ("title", models.CharField(max_length=200)),
                        ("status", models.CharField(choices=[("want", "Want to watch"), ("watching", "Watching"), ("done", "Watched")], default="want", max_length=10)),
                        ("created", models.DateTimeField(default=django.utils.timezone.now)),
                        ("updated", models.DateTimeField(default=django.utils.timezone.now)),
                        ("added_by", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("couple", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="shows", to="couples.couple")),
                    ],
                    options={
                        "db_table": "dates_show",
                        "indexes": [models.Index(fields=["couple", "status"], name="dates_show_couple__3d6efd_idx")],
                    },
                ),
                migrations.CreateModel(
                    name="InsideJoke",
                    fields=[
                        ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ("text", closeknit.lib.fields.EncryptedTextField()),
                        ("created", models.DateTimeField(default=django.utils.timezone.now)),
                        ("added_by", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("couple", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="jokes", to="couples.couple")),
                    ],
                    options={
                        "db_table": "dates_insidejoke",
                        "indexes": [models.Index(fields=["couple", "created"], name="dates_insid_couple__b0c1e1_idx")],
                    },
                ),
            ],
        ),
        follow_models("dates", "fun", ["show", "insidejoke"]),
    ]
