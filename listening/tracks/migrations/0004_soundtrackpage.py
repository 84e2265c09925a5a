# The soundtrack page moves here from `core`, keeping its table (core_soundtrackpage) and its rows;
# it gains the language of its original titles and a footer of its own.

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

from listening.core.content_types import content_type_mover


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('tracks', '0003_cue_performers_are_musicians'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='SoundtrackPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('subtitle', models.CharField(blank=True, max_length=200)),
                ('label', models.CharField(blank=True, max_length=100)),
                ('catalogue_number', models.CharField(blank=True, max_length=60)),
                ('release_format', models.CharField(blank=True, max_length=120)),
                ('recorded', models.CharField(blank=True, help_text='When it was recorded, as words.', max_length=120)),
                ('studio', models.CharField(blank=True, max_length=200)),
                ('intro', wagtail.fields.RichTextField(blank=True)),
                ('story', wagtail.fields.StreamField([('chapter', 5), ('myths', 12)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul', 'blockquote']}), 2: ('wagtail.blocks.TextBlock', (), {'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'max_length': 200, 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('text', 2), ('attribution', 3)]], {'required': False}), 5: ('wagtail.blocks.StructBlock', [[('heading', 0), ('body', 1), ('quote', 4)]], {}), 6: ('wagtail.blocks.CharBlock', (), {'default': 'Myth and record', 'max_length': 120}), 7: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul', 'blockquote'], 'required': False}), 8: ('wagtail.blocks.TextBlock', (), {'help_text': 'The claim as it is usually repeated.'}), 9: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul', 'blockquote'], 'help_text': 'What the sources say.'}), 10: ('wagtail.blocks.StructBlock', [[('claim', 8), ('record', 9)]], {}), 11: ('wagtail.blocks.ListBlock', (10,), {}), 12: ('wagtail.blocks.StructBlock', [[('heading', 6), ('intro', 7), ('myths', 11)]], {})})),
                ('sources', wagtail.fields.RichTextField(blank=True)),
                ('cover', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
            ],
            options={
                'db_table': 'core_soundtrackpage',
            },
            bases=('wagtailcore.page',),
        ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_mover('soundtrackpage', 'core', 'tracks'), migrations.RunPython.noop),
        migrations.AddField(
            model_name='soundtrackpage',
            name='original_language',
            field=models.CharField(blank=True, help_text='The language its original titles are in, as a language tag (e.g. “fr”, “pt-BR”); leave empty when they are in English.', max_length=35),
        ),
        migrations.AddField(
            model_name='soundtrackpage',
            name='footer',
            field=wagtail.fields.RichTextField(blank=True, help_text="Shown at the foot of this soundtrack's pages: credits, and where its media come from."),
        ),
    ]
