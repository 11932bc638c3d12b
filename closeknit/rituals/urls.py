from django.urls import path

from closeknit.rituals import views

app_name = "rituals"
urlpatterns = [
    path("", views.index, name="index"),
    path("choose/", views.choose, name="choose"),
    path("choose/<uuid:pk>/", views.add, name="add"),
    path("<uuid:pk>/done/", views.done, name="done"),
    path("<uuid:pk>/remove/", views.remove, name="remove"),
]
