"""The office's signing credentials: its certificate and key from a PKCS#12 file (.p12, .pfx).

The certificate is checked before anything is written, so that a file that cannot sign is one
line now rather than a signature every reader rejects later: a key type PAdES signs with, a key
that belongs to the certificate, a certificate valid today and allowed to sign documents.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, pkcs12
from cryptography.utils import CryptographyDeprecationWarning

with warnings.catch_warnings():     # pyhanko imports DSA, which cryptography deprecates: no line for the clerk
    warnings.simplefilter("ignore", CryptographyDeprecationWarning)
    from pyhanko.sign.signers import SimpleSigner

from generator.errors import UsageError
from generator.i18n import Message, message
from generator.os_reasons import os_reason

SIGNING_KEYS = (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey, ed25519.Ed25519PrivateKey, ed448.Ed448PrivateKey)


def _refusal(certificate: x509.Certificate, key: object, now: dt.datetime) -> Message | None:
    """Why this key and certificate cannot make a signature a reader accepts, or None."""
    if not isinstance(key, SIGNING_KEYS):
        return message("its key is of a type PAdES signatures do not use (they use RSA, ECDSA or EdDSA)")
    spki = (Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    if key.public_key().public_bytes(*spki) != certificate.public_key().public_bytes(*spki):
        return message("its private key does not belong to its certificate")
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        return message("its certificate is valid from {start} to {end}, not today",
                       start=f"{certificate.not_valid_before_utc:%Y-%m-%d}",
                       end=f"{certificate.not_valid_after_utc:%Y-%m-%d}")
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return None
    if not (usage.digital_signature or usage.content_commitment):
        return message("its certificate is not for signing documents (key usage without digitalSignature or "
                       "nonRepudiation)")
    return None


def office_signer(p12: Path, password: bytes) -> SimpleSigner:
    """A pyhanko signer with the key, certificate and chain of ``p12``; UsageError (exit 2)
    when the file cannot be read or opened, or its certificate cannot sign."""
    try:
        data = p12.read_bytes()
    except OSError as error:
        raise UsageError(message("{path}: cannot read it ({reason})", path=p12, reason=os_reason(error))) from None
    try:
        key, certificate, _ = pkcs12.load_key_and_certificates(data, password)
    except UnsupportedAlgorithm:
        raise UsageError(message("{path}: uses an algorithm this program cannot read", path=p12)) from None
    except (ValueError, TypeError):         # TypeError: a password the decryption cannot take
        raise UsageError(message("{path}: cannot open it: wrong password, or not a PKCS#12 (.p12, .pfx) file",
                                 path=p12)) from None
    if key is None or certificate is None:
        if key is None:
            raise UsageError(message("{path}: holds no private key, so it cannot sign", path=p12))
        raise UsageError(message("{path}: holds no certificate, so it cannot sign", path=p12))
    refusal = _refusal(certificate, key, dt.datetime.now(dt.timezone.utc))
    if refusal:
        raise UsageError(message("{path}: cannot sign: {reason}", path=p12, reason=refusal))
    return SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=password)
