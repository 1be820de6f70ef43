"""The reports' TLS context: a frozen app trusts certifi's CAs too, because its bundled OpenSSL
looks for the system's where the build machine keeps them (here: an empty place)."""

from __future__ import annotations

import ssl
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import certifi
import pytest

from reports_servers import make_cert
from tsbackup_gui.core.reports import mail as report_mail, ping as report_ping
from tsbackup_gui.core.reports.tls import client_context


@pytest.fixture
def no_system_cas(tmp_path, monkeypatch):
    """OpenSSL's default CA places point at an empty file and folder (a bundle on a foreign machine)."""
    empty = tmp_path / "no-cas"
    empty.mkdir()
    (empty / "none.pem").write_text("")
    monkeypatch.setenv("SSL_CERT_FILE", str(empty / "none.pem"))
    monkeypatch.setenv("SSL_CERT_DIR", str(empty))
    assert ssl.create_default_context().cert_store_stats()["x509_ca"] == 0


def test_a_frozen_app_trusts_certifis_cas_for_mail_and_a_firms_cafile_still_wins(no_system_cas, monkeypatch,
                                                                                  tmp_path):
    assert client_context(frozen=False).cert_store_stats()["x509_ca"] == 0
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    with_certifi = report_mail.tls_context()
    assert with_certifi.cert_store_stats()["x509_ca"] > 100  # certifi's bundle
    assert with_certifi.verify_mode == ssl.CERT_REQUIRED and with_certifi.check_hostname
    cert, _key = make_cert(tmp_path)
    monkeypatch.setenv(report_mail.CAFILE_VAR, str(cert))
    own = report_mail.tls_context()
    assert own.cert_store_stats()["x509_ca"] < 5  # only the firm's file


def test_a_monitoring_ping_over_https_uses_the_same_context(no_system_cas, monkeypatch, tmp_path):
    cert, key = make_cert(tmp_path)
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            seen.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"OK")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    server.socket = server_context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"https://127.0.0.1:{server.server_address[1]}/ping/abc"
        # The bundle's certifi stands in for a public CA here: it holds this server's certificate.
        monkeypatch.setattr(certifi, "where", lambda: str(cert))
        assert "CERTIFICATE_VERIFY_FAILED" in (report_ping.ping(url, report_ping.SUCCESS, timeout=10) or "")
        monkeypatch.setattr(sys, "frozen", True, raising=False)
        assert report_ping.ping(url, report_ping.SUCCESS, timeout=10) is None
        assert seen == ["/ping/abc"]
    finally:
        server.shutdown()
        server.server_close()
