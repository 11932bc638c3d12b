# Intentions moved here from `checkin`: their table stays as it is (state only).

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
        ("checkin", "0002_load_items"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Intention",
                    fields=[
                        ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ("want", closeknit.lib.fields.EncryptedTextField(verbose_name="What I want from this")),
                        ("willing", closeknit.lib.fields.EncryptedTextField(verbose_name="What I'm willing to do")),
                        ("created", models.DateTimeField(default=django.utils.timezone.now)),
                        ("reviewed_at", models.DateTimeField(blank=True, null=True)),
                        ("author", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("couple", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="couples.couple")),
                    ],
                    options={
                        "db_table": "checkin_intention",
                        "indexes": [models.Index(fields=["couple", "author", "created"], name="checkin_int_couple__afc305_idx")],
                    },
                ),
            ],
        ),
        follow_models("checkin", "intentions", ["intention"]),
    ]
