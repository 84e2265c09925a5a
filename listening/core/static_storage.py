"""How production keeps static files: compressed, with content hashes in their names (whitenoise).

Hashed names are what let whitenoise send a year's `Cache-Control: immutable`. The player is a
set of ES modules that import each other by relative URL (`./player/clock.js`); Django rewrites
those imports to the hashed names too when asked, so no script is left on a one-minute cache.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage

# Our own scripts: an import in them that names no file is a mistake to stop on.
OWN_SCRIPTS = "js/"


class HashedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    support_js_module_import_aggregation = True

    def url_converter(self, name, hashed_files, template=None):
        convert = super().url_converter(name, hashed_files, template)
        if name.startswith(OWN_SCRIPTS) or not name.endswith((".js", ".mjs")):
            return convert

        # Other packages' scripts (django-htmx's extensions import `../htmx`, a name without its
        # file) are left as they are where an import names no file of ours.
        def leniently(matchobj):
            try:
                return convert(matchobj)
            except ValueError:
                return matchobj["matched"]

        return leniently
