"""Moving a model to another app without touching its rows: for state-only migrations of page types."""


def content_type_mover(model: str, old_app: str, new_app: str):
    """A RunPython function that makes the content type of `old_app.model` that of `new_app.model`.

    Pages, revisions and permissions point at the content type's row, so renaming that row in place
    carries all of them over. A row already made for the new app (by an earlier, partial migrate)
    has nothing pointing at it yet and gives way.
    """

    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        old = ContentType.objects.filter(app_label=old_app, model=model).first()
        if old is None:
            return  # a new database: the content type will be made for the new app
        ContentType.objects.filter(app_label=new_app, model=model).delete()
        old.app_label = new_app
        old.save(update_fields=["app_label"])

    return move
