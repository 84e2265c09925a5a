"""Editors publish and readers browse at the same time, on one SQLite file.

Run in a process of its own by tests/integration/test_sqlite_concurrency.py, against a database that
`manage.py migrate` made:

    DATABASE_URL=sqlite:///…/db.sqlite3 python -m tests.sqlite_load SECONDS EDITORS READERS

Each editor owns a page and publishes a new revision of it about every 0.2 s; each reader fetches the
home page and the editors' pages through the whole middleware stack. Prints one JSON line: how many
publishes and reads went through, and each kind of error seen with how often (none is expected).
"""

import json
import sys
import threading
import time
from collections import Counter


def main(seconds: float, editors: int, readers: int) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from wagtail.models import Page, Site

    from listening.site.models import HomePage
    from listening.tracks.models import SoundtrackPage

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug="load-home"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    pages = [home.add_child(instance=SoundtrackPage(title=f"Soundtrack {n}", slug=f"s{n}")) for n in range(editors)]
    urls = ["/", *(page.url for page in pages)]
    connection.close()

    errors: Counter[str] = Counter()
    counts = {"publishes": 0, "reads": 0}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def record(kind: str, error: Exception | None = None):
        with lock:
            if error is None:
                counts[kind] += 1
            else:
                errors[f"{kind}: {type(error).__name__}: {error}"] += 1

    def edit(page_id: int):
        from django.db import connection

        n = 0
        try:
            while time.monotonic() < deadline:
                n += 1
                try:
                    page = SoundtrackPage.objects.get(pk=page_id)
                    page.title = f"Soundtrack {page_id}, edit {n}"
                    page.save_revision().publish()
                    record("publishes")
                except Exception as error:
                    record("publishes", error)
                time.sleep(0.2)
        finally:
            connection.close()

    def read():
        from django.db import connection

        client = Client()
        try:
            while time.monotonic() < deadline:
                for url in urls:
                    try:
                        status = client.get(url).status_code
                        if status != 200:
                            raise RuntimeError(f"{url} answered {status}")
                        record("reads")
                    except Exception as error:
                        record("reads", error)
        finally:
            connection.close()

    threads = [threading.Thread(target=edit, args=(page.pk,)) for page in pages]
    threads += [threading.Thread(target=read) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    hung = sum(thread.is_alive() for thread in threads)
    if hung:
        errors[f"{hung} threads still running {seconds + 60:.0f} s after the deadline"] += 1
    return {**counts, "errors": dict(errors)}


if __name__ == "__main__":
    seconds, editors, readers = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(main(seconds, editors, readers)))
