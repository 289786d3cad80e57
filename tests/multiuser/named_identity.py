"""A Jupyter identity provider for the multi-user tests: the server's token stands for one named user.

JupyterHub gives each user's single-user server that user's identity; here each test server is started with
``NAMED_JUPYTER_USER`` (e.g. ``alice``) and every request holding its token is that user
(``current_user.username``). Token checking itself is jupyter_server's own.
"""

from __future__ import annotations

import os

from jupyter_server.auth.identity import IdentityProvider, User


class NamedUserIdentityProvider(IdentityProvider):
    """Token-authenticated requests are the user ``$NAMED_JUPYTER_USER`` instead of a random anonymous one."""

    def generate_anonymous_user(self, handler: object) -> User:
        name = os.environ["NAMED_JUPYTER_USER"]
        return User(username=name, name=name, display_name=name.title(), initials=name[:1].upper())
