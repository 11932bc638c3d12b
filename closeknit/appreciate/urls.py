from django.urls import path

from closeknit.appreciate import views

app_name = "appreciate"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("coach/", views.coach, name="coach"),
    path("<uuid:pk>/", views.detail, name="detail"),
    path("<uuid:pk>/react/", views.react, name="react"),
    path("journal/", views.journal, name="journal"),
    path("journal/<uuid:pk>/delete/", views.delete_journal, name="delete_journal"),
    path("tally/", views.tally, name="tally"),
    path("tally/<uuid:pk>/undo/", views.undo_tally, name="undo_tally"),
]
