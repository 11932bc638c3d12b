from django.urls import path

from closeknit.paths import views

# Notifications link to a run or a week by its identifier, never by a path's name:
# one path lives behind "Just us" and must not show in a link anyone receives.
app_name = "paths"
urlpatterns = [
    path("", views.index, name="index"),
    path("history/", views.history, name="history"),
    path("runs/<uuid:run_id>/", views.run, name="run"),
    path("runs/<uuid:run_id>/accept/", views.accept, name="accept"),
    path("runs/<uuid:run_id>/not-now/", views.not_now, name="not_now"),
    path("runs/<uuid:run_id>/pause/", views.pause, name="pause"),
    path("runs/<uuid:run_id>/resume/", views.resume, name="resume"),
    path("runs/<uuid:run_id>/leave/", views.leave, name="leave"),
    path("weeks/<uuid:week_id>/", views.week, name="week"),
    path("weeks/<uuid:week_id>/reflect/", views.reflect, name="reflect"),
    path("weeks/<uuid:week_id>/next/", views.next_week, name="next"),
    path("weeks/<uuid:week_id>/skip/", views.skip, name="skip"),
    path("weeks/<uuid:week_id>/repeat/", views.repeat, name="repeat"),
    path("<slug:key>/", views.detail, name="detail"),
    path("<slug:key>/propose/", views.propose, name="propose"),
]
