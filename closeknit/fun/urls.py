from django.urls import path

from closeknit.fun import views

app_name = "fun"
urlpatterns = [
    path("", views.index, name="index"),
    path("shows/", views.show_add, name="show_add"),
    path("shows/<uuid:pk>/status/", views.show_status, name="show_status"),
    path("shows/<uuid:pk>/remove/", views.show_remove, name="show_remove"),
    path("jar/", views.joke_add, name="joke_add"),
    path("jar/pick/", views.joke_pick, name="joke_pick"),
    path("jar/<uuid:pk>/remove/", views.joke_remove, name="joke_remove"),
]
