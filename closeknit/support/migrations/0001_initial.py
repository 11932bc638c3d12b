# The support signal moved here from `checkin`: its table stays as it is (state only).

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
                    name="SupportSignal",
                    fields=[
                        ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ("kind", models.CharField(choices=[("listen", "Someone to listen"), ("company", "Company, even quietly"), ("practical", "Help with something practical"), ("comfort", "A hug or some comfort"), ("space", "A little space, kindly given"), ("distraction", "Something to take my mind off it")], max_length=16, verbose_name="What would help")),
                        ("note", closeknit.lib.fields.EncryptedTextField(blank=True, default="")),
                        ("created", models.DateTimeField(default=django.utils.timezone.now)),
                        ("answered_at", models.DateTimeField(blank=True, null=True)),
                        ("offer", models.CharField(blank=True, choices=[("listen", "I'll make time to listen"), ("call", "I'll call you"), ("company", "I'll be with you"), ("practical", "I'll take something off your plate"), ("comfort", "A hug is waiting"), ("space", "I'll give you room, and I'm close by"), ("fun", "I'll plan something to take your mind off it")], max_length=16)),
                        ("answer_note", closeknit.lib.fields.EncryptedTextField(blank=True, default="")),
                        ("closed_at", models.DateTimeField(blank=True, null=True)),
                        ("author", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("couple", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="couples.couple")),
                    ],
                    options={
                        "db_table": "checkin_supportsignal",
                        "indexes": [models.Index(fields=["couple", "created"], name="checkin_sup_couple__e73339_idx")],
                    },
                ),
            ],
        ),
        follow_models("checkin", "support", ["supportsignal"]),
    ]
