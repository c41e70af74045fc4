"""Per-user Ed25519 keys and signatures (issue 6 "Justering"; DOMAIN 1.2, checklist 19).

Key storage: the private key is generated on the user's first signature and stored encrypted
with AES-256-GCM under a key derived from the user's password by scrypt (n=2**14, r=8, p=1,
a random 16-byte salt per key). The password is asked for at every signature and never stored,
so the database alone cannot sign. When the password changes, the old key can no longer be
opened: a new key is made and the old one is retired; signatures keep pointing at the key
that made them, so they still verify.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from protokoll.recording.errors import Refused
from protokoll.recording.models import SigningKey

_RAW = serialization.Encoding.Raw


def _kek(password: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**14, r=8, p=1).derive(password.encode("utf-8"))


def _new_key(user, password: str) -> tuple[SigningKey, Ed25519PrivateKey]:
    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_kek(password, salt)).encrypt(nonce, raw, b"protokoll-signing-key")
    public = private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw).hex()
    SigningKey.objects.filter(user=user, active=True).update(active=False)
    row = SigningKey.objects.create(
        user=user, public_key=public, encrypted_private_key=sealed, salt=salt, nonce=nonce, active=True
    )
    return row, private


def unlock(user, password: str) -> tuple[SigningKey, Ed25519PrivateKey]:
    """The user's active key, opened with ``password`` (a new key on first use)."""
    if not password or not user.check_password(password):
        raise Refused("Fel lösenord: signaturen kräver ditt lösenord")
    row = SigningKey.objects.filter(user=user, active=True).first()
    if row is None:
        return _new_key(user, password)
    try:
        raw = AESGCM(_kek(password, bytes(row.salt))).decrypt(
            bytes(row.nonce), bytes(row.encrypted_private_key), b"protokoll-signing-key"
        )
    except InvalidTag:
        # The password changed since the key was made (it was checked above): a new key.
        return _new_key(user, password)
    return row, Ed25519PrivateKey.from_private_bytes(raw)


def sign(private: Ed25519PrivateKey, data: bytes) -> str:
    return private.sign(data).hex()


def verify(public_hex: str, data: bytes, signature_hex: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(
            bytes.fromhex(signature_hex), data
        )
    except (InvalidSignature, ValueError):
        return False
    return True
