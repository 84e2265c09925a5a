from django.db import migrations, models


def first_generation(apps, schema_editor):
    apps.get_model("site", "PageCacheGeneration").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("site", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="PageCacheGeneration",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("value", models.BigIntegerField(default=0)),
            ],
            options={
                "verbose_name": "page cache generation",
            },
        ),
        migrations.RunPython(first_generation, migrations.RunPython.noop),
    ]
