# The home page moved to `site` and the soundtrack page to `tracks`; their tables stay where they are.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='HomePage'),
                migrations.DeleteModel(name='SoundtrackPage'),
            ],
            database_operations=[],
        ),
    ]
