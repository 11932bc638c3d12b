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
    path("ideas/new/", views.idea_add, name="idea_add"),
    path("ideas/<uuid:pk>/edit/", views.idea_edit, name="idea_edit"),
    path("ideas/<uuid:pk>/delete/", views.idea_delete, name="idea_delete"),
    path("ideas/<uuid:pk>/save/", views.idea_save, name="idea_save"),
    path("history/", views.history, name="history"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/new/", views.calendar_new, name="calendar_new"),
    path("calendar/off/", views.calendar_revoke, name="calendar_revoke"),
    path("feed/<str:secret>.ics", views.feed, name="feed"),
]
