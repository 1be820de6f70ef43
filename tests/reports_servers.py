"""Real local servers for the report tests: an SMTP server (aiosmtpd) and an HTTP server that
records every request, both on 127.0.0.1, plus a self-signed certificate for STARTTLS/TLS."""

from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
import threading
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER = "kanzlei@example.com"


from ports import closed_port, held_port  # noqa: F401 - closed_port is used through this module


def make_cert(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost (cryptography), and its key."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                                                    x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


class Mailbox:
    """What the SMTP server received: (envelope sender, recipients, parsed message)."""

    def __init__(self):
        self.mails: list[tuple[str, list[str], object]] = []
        self.logins: list[tuple[bytes, bytes]] = []
        self.raw: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.raw.append(envelope.original_content or envelope.content)
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.mails.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"


def start_smtp(tmp_path: Path, *, security: str = "none", password: str | None = None):
    """An SMTP server on 127.0.0.1; with ``security`` starttls or tls it uses a fresh self-signed
    certificate (returned, for TSBACKUP_SMTP_CAFILE), with ``password`` it asks for USER's login."""
    box = Mailbox()
    extra = {}
    cert = None
    if security != "none":
        cert, key = make_cert(tmp_path)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        extra["ssl_context" if security == "tls" else "tls_context"] = context
        if security == "starttls":
            extra["require_starttls"] = True
    if password is not None:
        def authenticate(server, session, envelope, mechanism, auth_data):
            if isinstance(auth_data, LoginPassword):
                box.logins.append((auth_data.login, auth_data.password))
                if auth_data.login == USER.encode() and auth_data.password == password.encode():
                    return AuthResult(success=True)
            return AuthResult(success=False, handled=False)

        extra.update(authenticator=authenticate, auth_required=True,
                     auth_require_tls=security == "starttls")  # aiosmtpd knows TLS only after STARTTLS
    with held_port() as port:  # ours until the server listens on it (start() returns then)
        controller = Controller(box, hostname="127.0.0.1", port=port, **extra)
        if security == "tls":  # the readiness probe of aiosmtpd speaks plain SMTP; do it ourselves
            controller._trigger_server = lambda: _tls_probe(port, cert)  # type: ignore[method-assign]
        controller.start()
    return controller, box, port, cert


def _tls_probe(port: int, cert: Path) -> None:
    context = ssl.create_default_context(cafile=str(cert))
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
        with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            tls.recv(1024)


class Recorder(BaseHTTPRequestHandler):
    requests: list[tuple[str, str, bytes]]

    def _record(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.requests.append((self.command, self.path, body))  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"OK")

    do_GET = do_POST = _record  # noqa: N815 - http.server's names

    def log_message(self, *args):  # quiet
        pass


def start_http():
    """An HTTP server on 127.0.0.1 recording (method, path, body); returns (server, base URL)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/ping/abc-123"
