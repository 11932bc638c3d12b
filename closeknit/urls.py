from django.contrib import admin
from django.urls import include, path

from closeknit.api_root import api
from closeknit.lib.redirects import moved
from closeknit.lib.views import health
from closeknit.nudges import views as nudge_views

urlpatterns = [
    # Pages that moved to their own app: inbox items already stored, bookmarks
    # and open pages still use the old addresses.
    moved("dates/rituals/", "rituals/"),
    moved("dates/fun/", "fun/"),
    moved("check-in/support/", "support/"),
    moved("check-in/intentions/", "intentions/"),
    path("", include("closeknit.couples.urls")),
    path("settings/", include("closeknit.accounts.urls")),
    path("talk/", include("closeknit.talk.urls")),
    path("appreciate/", include("closeknit.appreciate.urls")),
    path("check-in/", include("closeknit.checkin.urls")),
    path("support/", include("closeknit.support.urls")),
    path("intentions/", include("closeknit.intentions.urls")),
    path("assessment/", include("closeknit.assessment.urls")),
    path("dates/", include("closeknit.dates.urls")),
    path("rituals/", include("closeknit.rituals.urls")),
    path("fun/", include("closeknit.fun.urls")),
    path("dreams/", include("closeknit.dreams.urls")),
    path("private/", include("closeknit.private.urls")),
    path("paths/", include("closeknit.paths.urls")),
    path("inbox/", include("closeknit.nudges.urls")),
    path("coach/", include("closeknit.coaching.urls")),
    path("health/", health, name="health"),
    path("manifest.webmanifest", nudge_views.manifest, name="manifest"),
    path("sw.js", nudge_views.service_worker, name="service_worker"),
    path("offline/", nudge_views.offline, name="offline"),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
