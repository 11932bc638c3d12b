# The support signal and intentions are their own apps now (closeknit/support,
# closeknit/intentions); their tables stay where they are and belong to those apps.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("checkin", "0002_load_items"),
        ("support", "0001_initial"),
        ("intentions", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="SupportSignal"),
                migrations.DeleteModel(name="Intention"),
            ],
        ),
    ]
