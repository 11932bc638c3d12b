from django.urls import path

from closeknit.accounts import views

urlpatterns = [
    path("", views.settings_page, name="settings"),
    path("export/", views.export, name="export"),
    path("export/page/", views.export_page, name="export_page"),
    path("delete/", views.delete, name="delete_account"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<uuid:token_id>/revoke/", views.revoke_token, name="revoke_token"),
    path("devices/<str:device_id>/end/", views.end_device, name="end_device"),
]
