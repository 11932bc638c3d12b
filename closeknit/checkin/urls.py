from django.urls import path

from closeknit.checkin import views

app_name = "checkin"
urlpatterns = [
    path("", views.index, name="index"),
    path("resources/", views.resources, name="resources"),
]
