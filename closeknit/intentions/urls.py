from django.urls import path

from closeknit.intentions import views

app_name = "intentions"
urlpatterns = [
    path("", views.index, name="index"),
    path("still-true/", views.confirm, name="confirm"),
]
