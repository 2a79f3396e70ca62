"""The benchmark's floor: the same Django and gunicorn as the site, doing nothing.

    DJANGO_SETTINGS_MODULE=bench.floor_settings gunicorn ocop_site.wsgi ...

No middleware, no installed app, no database, one view returning "ok" (bench/floor_urls.py).
bench/run.py serves it with its own gunicorn, with the site's worker count, and every page's
throughput is given as a ratio of this one's, measured in the same run on the same machine
(issue 16). The site's own /healthz (the same "ok" through the full middleware stack) is
measured beside it: the gap between the two is what the middleware costs.
"""

DEBUG = False
SECRET_KEY = "bench-floor-signs-nothing-" + "x" * 40
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "bench.floor_urls"
INSTALLED_APPS = []
MIDDLEWARE = []
DATABASES = {}
USE_TZ = True
