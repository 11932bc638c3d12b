from django.urls import path

from closeknit.couples import views

urlpatterns = [
    path("", views.home, name="home"),
    path("pair/", views.pair, name="pair"),
    path("pair/invite/", views.create_invite, name="create_invite"),
    path("pair/code/", views.enter_code, name="enter_code"),
    path("pair/<str:token>/", views.accept_invite, name="accept_invite"),
    path("us/", views.us, name="us"),
    path("us/unpair/", views.unpair, name="unpair"),
    path("more/", views.more, name="more"),
]
