"""Web Push end to end: a real, encrypted push request to a push service on loopback.

A browser's push service is not reachable from the test machine, so a tiny
HTTP server stands in for it; the test decrypts what it received with the
subscription's private key, as the browser would.
"""

import base64
import json
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer

import http_ece
import time_machine
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.test import override_settings

from closeknit.nudges.models import Delivery, PushSubscription
from closeknit.nudges.notify import notify
from closeknit.test import BaseTestCase


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class FakePushService(BaseHTTPRequestHandler):
    received: list[tuple[dict[str, str], bytes]] = []
    status = 201

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        FakePushService.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(FakePushService.status)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@time_machine.travel(datetime(2026, 6, 1, 12, 0, tzinfo=UTC), tick=False)  # not quiet hours
class PushTestCase(BaseTestCase):
    def setUp(self) -> None:
        FakePushService.received, FakePushService.status = [], 201
        self.server = HTTPServer(("127.0.0.1", 0), FakePushService)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.addCleanup(self.server.shutdown)
        self.browser_key = ec.generate_private_key(ec.SECP256R1())
        self.auth = b"sixteen byte key"
        public = self.browser_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        self.sub = PushSubscription.objects.create(
            user=self.ben,
            endpoint=f"http://127.0.0.1:{self.server.server_port}/push/ben",
            p256dh=b64(public),
            auth=b64(self.auth),
        )

    def test_a_push_carries_only_the_fixed_text_and_is_properly_encrypted(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            notify(self.ben, "daily_answered", "/talk/", key="k", partner=self.ana)
        self.assertEqual(len(FakePushService.received), 1)
        headers, body = FakePushService.received[0]
        self.assertTrue(headers["authorization"].startswith("vapid "))
        self.assertEqual(headers["content-encoding"], "aes128gcm")
        plain = http_ece.decrypt(
            body, private_key=self.browser_key, auth_secret=self.auth, version="aes128gcm"
        )
        payload = json.loads(plain)
        self.assertEqual(
            payload,
            {"title": "Closeknit", "body": "Ana answered today's question.", "url": "/talk/"},
        )
        self.assertEqual(Delivery.objects.get(channel="push").status, Delivery.SENT)

    def test_a_gone_subscription_is_forgotten(self) -> None:
        FakePushService.status = 410
        with self.captureOnCommitCallbacks(execute=True):
            notify(self.ben, "reply", "/talk/", key="k", partner=self.ana)
        self.assertFalse(PushSubscription.objects.exists())

    def test_no_push_delivery_without_a_subscription(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            notify(self.ana, "reply", "/talk/", key="k", partner=self.ben)
        self.assertFalse(Delivery.objects.filter(channel="push").exists())

    @override_settings(DEBUG=False)
    def test_the_browser_saves_its_subscription(self) -> None:
        body = {"endpoint": "https://push.example.org/abc", "keys": {"p256dh": "x", "auth": "y"}}
        r = self.client_for(self.ana).post(
            "/inbox/push/subscribe/", json.dumps(body), content_type="application/json"
        )
        self.assertEqual(r.status_code, 201)
        self.assertEqual(PushSubscription.objects.get(user=self.ana).endpoint, body["endpoint"])
        bad = self.client_for(self.ana).post(
            "/inbox/push/subscribe/", "{}", content_type="application/json"
        )
        self.assertEqual(bad.status_code, 400)

    def test_the_manifest_and_service_worker_are_served(self) -> None:
        manifest = self.client.get("/manifest.webmanifest")
        self.assertEqual(manifest.json()["start_url"], "/")
        sw = self.client.get("/sw.js")
        self.assertEqual(sw["Content-Type"], "text/javascript")
        self.assertContains(sw, "showNotification")
