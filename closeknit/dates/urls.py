from django.urls import path

from closeknit.dates import views

app_name = "dates"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.propose, name="propose"),
    path("<uuid:pk>/", views.detail, name="detail"),
    path("<uuid:pk>/accept/", views.accept, name="accept"),
    path("<uuid:pk>/another-time/", views.suggest, name="suggest"),
    path("<uuid:pk>/call-off/", views.cancel, name="cancel"),
    path("<uuid:pk>/rate/", views.rate, name="rate"),
    path("ideas/", views.ideas, name="ideas"),
    path("history/", views.history, name="history"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/new/", views.calendar_new, name="calendar_new"),
    path("calendar/off/", views.calendar_revoke, name="calendar_revoke"),
    path("feed/<str:secret>.ics", views.feed, name="feed"),
    path("rituals/", views.rituals, name="rituals"),
    path("rituals/choose/", views.rituals_choose, name="rituals_choose"),
    path("rituals/choose/<uuid:pk>/", views.ritual_add, name="ritual_add"),
    path("rituals/<uuid:pk>/done/", views.ritual_done, name="ritual_done"),
    path("rituals/<uuid:pk>/remove/", views.ritual_remove, name="ritual_remove"),
    path("fun/", views.fun, name="fun"),
    path("fun/shows/", views.show_add, name="show_add"),
    path("fun/shows/<uuid:pk>/status/", views.show_status, name="show_status"),
    path("fun/shows/<uuid:pk>/remove/", views.show_remove, name="show_remove"),
    path("fun/jar/", views.joke_add, name="joke_add"),
    path("fun/jar/pick/", views.joke_pick, name="joke_pick"),
    path("fun/jar/<uuid:pk>/remove/", views.joke_remove, name="joke_remove"),
]
