from django.urls import path

from closeknit.support import views

app_name = "support"
urlpatterns = [
    path("", views.index, name="index"),
    path("<uuid:pk>/answer/", views.answer, name="answer"),
    path("<uuid:pk>/close/", views.close, name="close"),
]
