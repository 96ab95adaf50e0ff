from django.urls import path, register_converter

from . import translation_views as views


class ModelLabel:
    regex = r"[a-z_]+\.[a-z_]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ModelLabel, "model")

app_name = "translations"

urlpatterns = [
    path("<model:model>/<int:pk>/<str:language>/", views.translation_edit, name="edit"),
    path("<model:model>/<int:pk>/<str:language>/machine/", views.machine_request, name="machine"),
]
