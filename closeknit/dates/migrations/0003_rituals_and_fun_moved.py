# Rituals and fun are their own apps now (closeknit/rituals, closeknit/fun);
# their tables stay where they are and belong to those apps' models.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dates", "0002_load_content"),
        ("rituals", "0001_initial"),
        ("fun", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="RitualMark"),
                migrations.DeleteModel(name="CoupleRitual"),
                migrations.DeleteModel(name="Ritual"),
                migrations.DeleteModel(name="Show"),
                migrations.DeleteModel(name="InsideJoke"),
            ],
        ),
    ]
