"""The Content-Security-Policy of every answer (django-csp): ``CONTENT_SECURITY_POLICY`` in
settings is strict, and is widened here only where a part of the site needs it.

The public site runs no script at all and takes styles from its own stylesheet only (the bar
charts use width classes from it, not ``style`` attributes), so its policy allows nothing
inline: imported protocol text that slipped through escaping still could not run. The Django
admin runs its own scripts from /static/admin/ and draws icons with data: images; the
secretary's pages (/intern/) use ``style`` attributes. Those two areas get exactly that, and
nothing is ever allowed from another origin. ``frame-ancestors 'none'`` says in CSP what
``X-Frame-Options: DENY`` says to older browsers.
"""

from __future__ import annotations

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

# Path prefix → directives replaced there.
AREAS = {
    "/admin/": {"script-src": [SELF], "img-src": [SELF, "data:"], "connect-src": [SELF]},
    "/intern/": {"style-src": [SELF, UNSAFE_INLINE], "frame-src": [SELF]},
}


def area_directives(path: str) -> dict | None:
    for prefix, directives in AREAS.items():
        if path.startswith(prefix):
            return directives
    return None


class ScopedCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        widened = None if report_only else area_directives(request.path_info)
        if widened:
            parts.replace = {**(parts.replace or {}), **widened}
        return parts
