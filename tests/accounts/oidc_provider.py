"""A small but real OpenID Connect provider for the tests, on a loopback port.

It serves discovery, its signing keys (JWKS), an authorization endpoint that signs in
whoever the test says (no login form) and a token endpoint that checks the client secret and
the PKCE verifier and returns an RS256-signed ID token. The test can make it misbehave the
ways a provider or an attacker might: sign with a key it does not publish, name another
audience or issuer, hand out an expired token, repeat an old nonce, send another state back,
or announce in its discovery document an issuer other than its own address.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from flask import Flask, jsonify, redirect, request
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from werkzeug.serving import make_server


@dataclass
class Misbehaviour:
    wrong_key: bool = False
    audience: str | None = None
    expired: bool = False
    nonce: str | None = None
    state: str | None = None
    issuer: str | None = None  # the ID token names another issuer
    announced_issuer: str | None = None  # discovery and ID token name another issuer


@dataclass
class Provider:
    client_id: str = "partnerships-test"
    client_secret: str = "s3cret-for-the-test-provider"
    user: dict = field(default_factory=dict)  # the claims of whoever signs in next
    misbehave: Misbehaviour = field(default_factory=Misbehaviour)
    issuer: str = ""
    nonces: list[str] = field(default_factory=list)
    token_requests: int = 0

    def __post_init__(self):
        self.key = RSAKey.generate_key(2048, parameters={"kid": "published"})
        self.other_key = RSAKey.generate_key(2048, parameters={"kid": "published"})
        self.codes: dict[str, dict] = {}
        self.app = self._make_app()

    def _make_app(self) -> Flask:
        app = Flask("test-oidc-provider")

        @app.get("/.well-known/openid-configuration")
        def discovery():
            return jsonify(
                issuer=self.misbehave.announced_issuer or self.issuer,
                authorization_endpoint=f"{self.issuer}/authorize",
                token_endpoint=f"{self.issuer}/token",
                jwks_uri=f"{self.issuer}/jwks",
                response_types_supported=["code"],
                subject_types_supported=["public"],
                id_token_signing_alg_values_supported=["RS256"],
                code_challenge_methods_supported=["S256"],
                token_endpoint_auth_methods_supported=["client_secret_basic"],
            )

        @app.get("/jwks")
        def jwks():
            return jsonify(KeySet([self.key]).as_dict(private=False))

        @app.get("/authorize")
        def authorize():
            args = request.args
            if args.get("client_id") != self.client_id or args.get("response_type") != "code":
                return "unknown client", 400
            if args.get("code_challenge_method") != "S256" or not args.get("code_challenge"):
                return "PKCE required", 400
            code = secrets.token_urlsafe(16)
            self.codes[code] = {
                "nonce": args.get("nonce"),
                "challenge": args["code_challenge"],
                "redirect_uri": args["redirect_uri"],
            }
            self.nonces.append(args.get("nonce"))
            state = self.misbehave.state or args.get("state")
            return redirect(f"{args['redirect_uri']}?{urlencode({'code': code, 'state': state})}")

        @app.post("/token")
        def token():
            self.token_requests += 1
            auth = request.authorization
            if auth is None or (auth.username, auth.password) != (
                self.client_id,
                self.client_secret,
            ):
                return jsonify(error="invalid_client"), 401
            grant = self.codes.pop(request.form.get("code", ""), None)
            if grant is None or request.form.get("redirect_uri") != grant["redirect_uri"]:
                return jsonify(error="invalid_grant"), 400
            verifier = request.form.get("code_verifier", "")
            digest = hashlib.sha256(verifier.encode()).digest()
            if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != grant["challenge"]:
                return jsonify(error="invalid_grant", error_description="PKCE"), 400
            now = int(time.time())
            claims = {
                "iss": self.misbehave.issuer or self.misbehave.announced_issuer or self.issuer,
                "aud": self.misbehave.audience or self.client_id,
                "iat": now - (7200 if self.misbehave.expired else 0),
                "exp": now + (-3600 if self.misbehave.expired else 300),
                "nonce": self.misbehave.nonce or grant["nonce"],
                **self.user,
            }
            key = self.other_key if self.misbehave.wrong_key else self.key
            id_token = jwt.encode({"alg": "RS256", "kid": "published"}, claims, key)
            return jsonify(
                access_token=secrets.token_urlsafe(16),
                token_type="Bearer",
                expires_in=300,
                id_token=id_token,
            )

        return app


class Running:
    """The provider served by werkzeug in a daemon thread."""

    def __init__(self, provider: Provider):
        self.provider = provider
        self.server = make_server("127.0.0.1", 0, provider.app, threaded=True)
        provider.issuer = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Provider:
        self.thread.start()
        return self.provider

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(timeout=5)
        self.server.server_close()
