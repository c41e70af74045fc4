"""Django settings, declared once and read from ``PROTOKOLL_*`` environment variables.

Every setting a deployment may change is listed in ``SETTINGS_DOC`` (docs/settings.md is
checked against it by a test).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

SETTINGS_DOC = {
    "PROTOKOLL_DATABASE_URL": "Database URL (sqlite:///path or postgres://user@host:port/name). "
    "Default: an SQLite file protokoll.sqlite3 in the working directory.",
    "PROTOKOLL_SECRET_KEY": "Django secret key. Default: a random key per process (sessions do not survive a restart).",
    "PROTOKOLL_DEBUG": "1 to run Django in debug mode. Default 0.",
    "PROTOKOLL_ALLOWED_HOSTS": "Comma-separated host names. Default: 127.0.0.1,localhost,testserver.",
    "PROTOKOLL_MAX_UPLOAD_MB": "Largest file the importer and the upload form accept, in MB. Default 50.",
    "PROTOKOLL_SESSION_AGE": "Seconds a login session lasts without activity. Default 3600.",
    "PROTOKOLL_MAX_READ_SECONDS": "Wall-clock budget for reading one file (PDF, OCR) in the importer. Default 300.",
    "PROTOKOLL_MAX_READ_MEMORY_MB": "Memory cap of the isolated reader process, in MB. Default 2048.",
}


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = _env("PROTOKOLL_SECRET_KEY", "") or secrets.token_urlsafe(50)
DEBUG = _env("PROTOKOLL_DEBUG", "0") == "1"
ALLOWED_HOSTS = [
    h.strip() for h in _env("PROTOKOLL_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
]
MAX_UPLOAD_BYTES = int(_env("PROTOKOLL_MAX_UPLOAD_MB", "50")) * 1024 * 1024

DATABASE_URL = _env("PROTOKOLL_DATABASE_URL", f"sqlite:///{Path.cwd() / 'protokoll.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer commits; IMMEDIATE takes the write lock at BEGIN
    # so two writers queue instead of failing half-way (issue 5, "Integrity").
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    # Keep each server thread's connection: reconnecting and re-running the PRAGMAs per request
    # was half the cost of a cached page (bench/bench_web.py).
    DATABASES["default"]["CONN_MAX_AGE"] = 600

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "protokoll.archive",
    "protokoll.search",
    "protokoll.accounts",
    "protokoll.audit",
    "protokoll.recording",
    "protokoll.web",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every answer, widened per area (protokoll.web.csp).
    "protokoll.web.csp.ScopedCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After authentication: refuses a locked-out login before the password is checked.
    "axes.middleware.AxesMiddleware",
    # Last: public answers come from the cache, and still pass every middleware above.
    "protokoll.web.caching.PublicCacheMiddleware",
]
# Each server process keeps its own cache in memory; the keys of the public cache hold the
# archive version, which the database raises on every change, so the processes agree on what is
# current without sharing a cache server (protokoll.web.caching).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "public": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "public",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

ROOT_URLCONF = "protokoll.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
WSGI_APPLICATION = "protokoll.wsgi.application"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
SESSION_COOKIE_AGE = int(_env("PROTOKOLL_SESSION_AGE", "3600"))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Strict: no script, no inline style, nothing from another origin; protokoll.web.csp widens it
# for the admin and /intern/ only and says why.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'none'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
    }
}

DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
STATIC_URL = "/static/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Login, rate limiting (django-axes) and the single sign-on seam: protokoll.accounts.settings_extra
# holds the values and says why; docs/security.md describes them.
from protokoll.accounts import settings_extra as _accounts  # noqa: E402

AUTHENTICATION_BACKENDS = _accounts.AUTHENTICATION_BACKENDS
AXES_COOLOFF_TIME = _accounts.AXES_COOLOFF_TIME
AXES_FAILURE_LIMIT = _accounts.AXES_FAILURE_LIMIT
AXES_HTTP_RESPONSE_CODE = _accounts.AXES_HTTP_RESPONSE_CODE
AXES_LOCKOUT_CALLABLE = _accounts.AXES_LOCKOUT_CALLABLE
AXES_LOCKOUT_PARAMETERS = _accounts.AXES_LOCKOUT_PARAMETERS
AXES_RESET_ON_SUCCESS = _accounts.AXES_RESET_ON_SUCCESS
AXES_SENSITIVE_PARAMETERS = _accounts.AXES_SENSITIVE_PARAMETERS
LOGIN_REDIRECT_URL = _accounts.LOGIN_REDIRECT_URL
LOGIN_URL = _accounts.LOGIN_URL
LOGOUT_REDIRECT_URL = _accounts.LOGOUT_REDIRECT_URL
