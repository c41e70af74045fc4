"""The login form, with messages in Swedish that say what went wrong and what happens next."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": (
            "Fel användarnamn eller lösenord. Kontrollera stavningen (även stora och små bokstäver) "
            "och försök igen. Efter %(limit)s misslyckade försök spärras inloggningen i %(minutes)s minuter."
        ),
        "inactive": "Kontot är avstängt. Kontakta systemets administratör.",
    }

    def get_invalid_login_error(self):
        from django.core.exceptions import ValidationError

        limit = getattr(settings, "AXES_FAILURE_LIMIT", 5)
        cooloff = getattr(settings, "AXES_COOLOFF_TIME", None)
        minutes = int(cooloff.total_seconds() // 60) if cooloff else 15
        return ValidationError(
            self.error_messages["invalid_login"],
            code="invalid_login",
            params={"limit": limit, "minutes": minutes},
        )
