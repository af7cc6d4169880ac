#!/usr/bin/env python3
"""Verifies a signed Provenant PROV export.

    python3 verify-prov.py jwks.json prov.jws prov.json

jwks.json  the service's key set (GET /.well-known/jwks.json)
prov.jws   the Provenant-Signature header of the export: a detached compact JWS, header..signature
prov.json  the export exactly as served

Prints "valid" and exits with 0, or "INVALID" and exits with 1 when the signature does not match the file.
Anything else that is wrong (a missing file, an empty or malformed signature, a key set without the key) is
said in one line, and it exits with 2. Needs the `cryptography` package (pip install cryptography).
"""
import base64
import binascii
import json
import sys


class Unusable(Exception):
    """An input that cannot be checked at all, as opposed to a signature that does not match."""


def b64url_decode(text: str, what: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise Unusable("%s is not base64url" % what)


def verify(jwks: dict, jws: str, payload: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if not jws:
        raise Unusable("the signature file is empty: was the export requested with signed=true, and the "
                       "Provenant-Signature header saved?")
    parts = jws.split(".")
    if len(parts) != 3 or parts[1] != "":
        raise Unusable("the signature is not a detached compact JWS (header..signature)")
    header_b64, _, signature_b64 = parts
    try:
        header = json.loads(b64url_decode(header_b64, "the JWS header"))
    except ValueError:
        raise Unusable("the JWS header is not JSON")
    # RFC 7797: the payload is signed as is, not base64url-encoded; "EdDSA" (RFC 8037) or "Ed25519" (RFC 9864).
    if not isinstance(header, dict) or header.get("alg") not in ("EdDSA", "Ed25519") \
            or header.get("b64") is not False or "b64" not in header.get("crit", []):
        raise Unusable("unexpected JWS header: %s" % header)
    keys = jwks.get("keys") if isinstance(jwks, dict) else None
    if not isinstance(keys, list):
        raise Unusable("the key set has no \"keys\" list")
    key = next((k for k in keys if isinstance(k, dict) and k.get("kid") == header.get("kid")), None)
    if key is None or key.get("kty") != "OKP" or key.get("crv") != "Ed25519" or "x" not in key:
        raise Unusable("no Ed25519 key %s in the key set" % header.get("kid"))
    try:
        public_key = Ed25519PublicKey.from_public_bytes(b64url_decode(key["x"], "the key"))
    except ValueError:
        raise Unusable("the key %s is not an Ed25519 public key" % header.get("kid"))
    try:
        public_key.verify(b64url_decode(signature_b64, "the signature"), header_b64.encode("ascii") + b"." + payload)
        return True
    except InvalidSignature:
        return False


def main(argv) -> int:
    if len(argv) != 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        import cryptography  # noqa: F401
    except ImportError:
        print("verify-prov.py needs the Python package 'cryptography': pip install cryptography "
              "(or apt-get install python3-cryptography)", file=sys.stderr)
        return 2
    try:
        with open(argv[1]) as jwks_file:
            try:
                jwks = json.load(jwks_file)
            except ValueError:
                raise Unusable("%s is not JSON (it should be GET /.well-known/jwks.json)" % argv[1])
        with open(argv[2]) as jws_file:
            jws = jws_file.read().strip()
        with open(argv[3], "rb") as payload_file:
            payload = payload_file.read()
        ok = verify(jwks, jws, payload)
    except OSError as error:
        print("cannot read %s: %s" % (error.filename, error.strerror), file=sys.stderr)
        return 2
    except Unusable as problem:
        print("cannot verify: %s" % problem, file=sys.stderr)
        return 2
    print("valid" if ok else "INVALID")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
