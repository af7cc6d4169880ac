#!/usr/bin/env python3
"""Verifies a signed Provenant PROV export.

    python3 verify-prov.py jwks.json prov.jws prov.json

jwks.json  the service's key set (GET /.well-known/jwks.json)
prov.jws   the Provenant-Signature header of the export: a detached compact JWS, header..signature
prov.json  the export exactly as served

Prints "valid", or "INVALID" and exits with 1. Needs the `cryptography` package.
"""
import base64
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify(jwks: dict, jws: str, payload: bytes) -> bool:
    header_b64, empty, signature_b64 = jws.split(".")
    if empty != "":
        raise ValueError("expected a detached JWS: header..signature")
    header = json.loads(b64url_decode(header_b64))
    # RFC 7797: the payload is signed as is, not base64url-encoded; "EdDSA" (RFC 8037) or "Ed25519" (RFC 9864).
    if header.get("alg") not in ("EdDSA", "Ed25519") or header.get("b64") is not False \
            or "b64" not in header.get("crit", []):
        raise ValueError("unexpected JWS header: %s" % header)
    key = next((k for k in jwks["keys"] if k.get("kid") == header.get("kid")), None)
    if key is None or key.get("kty") != "OKP" or key.get("crv") != "Ed25519":
        raise ValueError("no Ed25519 key %s in the key set" % header.get("kid"))
    public_key = Ed25519PublicKey.from_public_bytes(b64url_decode(key["x"]))
    try:
        public_key.verify(b64url_decode(signature_b64), header_b64.encode("ascii") + b"." + payload)
        return True
    except InvalidSignature:
        return False


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    with open(sys.argv[1]) as jwks_file, open(sys.argv[2]) as jws_file, open(sys.argv[3], "rb") as payload_file:
        ok = verify(json.load(jwks_file), jws_file.read().strip(), payload_file.read())
    print("valid" if ok else "INVALID")
    sys.exit(0 if ok else 1)
