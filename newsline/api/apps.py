from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "newsline.api"
    verbose_name = _("API and exports")

    def ready(self) -> None:
        from newsline import security

        security.install()
