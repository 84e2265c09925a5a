# The home page moves here from `core`, keeping its table (core_homepage) and its rows.

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

from listening.core.content_types import content_type_mover


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('core', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='HomePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', wagtail.fields.RichTextField(blank=True)),
            ],
            options={
                'db_table': 'core_homepage',
            },
            bases=('wagtailcore.page',),
        ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_mover('homepage', 'core', 'site'), migrations.RunPython.noop),
        migrations.CreateModel(
            name='SiteChrome',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('footer', wagtail.fields.RichTextField(blank=True, help_text='Shown at the foot of pages outside a soundtrack; each soundtrack has its own footer.')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'site chrome',
            },
        ),
    ]
