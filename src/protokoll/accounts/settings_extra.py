"""Settings the accounts app needs; ``protokoll.settings`` takes them over (see the lead's note
in docs/security.md "Configuration").

Rate-limited login (django-axes): five failed logins for one user name from one address lock that
pair out for 15 minutes; a success resets the count. Locking by the pair (not by address alone)
keeps one person behind a municipality's shared NAT from locking out their colleagues, and
locking by the pair (not by name alone) keeps a stranger from locking out a named secretary.
"""

from __future__ import annotations

import datetime as dt

INSTALLED_APPS_EXTRA = ["axes"]
#: AxesMiddleware must come last, after AuthenticationMiddleware.
MIDDLEWARE_EXTRA = ["axes.middleware.AxesMiddleware"]
#: AxesStandaloneBackend first: it refuses a locked-out pair before the password is checked.
#: A single sign-on backend (protokoll.accounts.sso) is added after ModelBackend.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

LOGIN_URL = "/konto/logga-in/"
LOGIN_REDIRECT_URL = "/konto/"
LOGOUT_REDIRECT_URL = "/"

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "protokoll.accounts.views.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
# Passwords never reach the access log; axes already drops the password field.
AXES_SENSITIVE_PARAMETERS = ["password"]
# The client address is REMOTE_ADDR; a deployment behind a reverse proxy sets
# AXES_IPWARE_PROXY_COUNT and AXES_IPWARE_META_PRECEDENCE_ORDER (docs/security.md).
