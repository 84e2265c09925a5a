"""The two roles of the guide's editorial team, as groups (issue 4).

- Editors edit every guide page, upload and replace media, and publish (and lock pages).
  They also approve what Contributors submit, in Wagtail's "Moderators approval" task.
- Contributors edit drafts and submit them for moderation; they cannot publish. They may upload
  images, documents and audio but not change or delete audio: an audio file has no draft, so
  replacing one would change published tracks without review.

Wagtail's own migrations already create an "Editors" group (add and change pages); this extends it.
Running it again changes nothing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PAGE = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
CONTRIBUTOR_PAGE = ["add_page", "change_page"]
EDITOR_COLLECTION = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image", "delete_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document", "delete_document"]),
]
CONTRIBUTOR_COLLECTION = [
    ("wagtailimages", "image", ["add_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "choose_document"]),
]
EDITOR_MODEL = [("tracks", "audiofile", ["add_audiofile", "change_audiofile", "delete_audiofile", "view_audiofile"])]
CONTRIBUTOR_MODEL = [("tracks", "audiofile", ["add_audiofile", "view_audiofile"])]


def ensure_editor_groups(apps, schema_editor=None):
    # Permissions are normally made after all migrations; make the ones we need now.
    for label in ("tracks", "wagtailcore", "wagtailimages", "wagtaildocs"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, model, codename):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        return Permission.objects.get(content_type=content_type, codename=codename)

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = permission("wagtailadmin", "admin", "access_admin")

    roles = {
        "Editors": (EDITOR_PAGE, EDITOR_COLLECTION, EDITOR_MODEL),
        "Contributors": (CONTRIBUTOR_PAGE, CONTRIBUTOR_COLLECTION, CONTRIBUTOR_MODEL),
    }
    groups = {}
    for name, (page_perms, collection_perms, model_perms) in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(access_admin)
        for app_label, model, codenames in model_perms:
            group.permissions.add(*(permission(app_label, model, codename) for codename in codenames))
        if root_page:
            for codename in page_perms:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission("wagtailcore", "page", codename)
                )
        if root_collection:
            for app_label, model, codenames in collection_perms:
                for codename in codenames:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission(app_label, model, codename)
                    )

    # Editors approve Contributors' submissions in Wagtail's default moderation task.
    try:
        GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    except LookupError:
        return
    for task in GroupApprovalTask.objects.filter(name="Moderators approval"):
        task.groups.add(groups["Editors"])


class Migration(migrations.Migration):
    dependencies = [
        ("tracks", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(ensure_editor_groups, migrations.RunPython.noop)]
