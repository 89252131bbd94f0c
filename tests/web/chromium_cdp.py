"""A tiny DevTools-protocol client for headless Chromium over `--remote-debugging-pipe` (test support).

Chromium reads commands from its fd 3 and writes replies and events to its fd 4, each message a JSON text
ended by a NUL byte: no port, no websocket, nothing listening on the network. The browser is started
with the network closed off (no background fetches, no component updates) and a fresh profile.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
    "--remote-debugging-pipe",
)
ROOT = Path(__file__).parents[2]


def chromium_path() -> str | None:
    """The Chromium executable (Debian's package installs /usr/bin/chromium)."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def fontconfig(folder: Path) -> Path:
    """A fontconfig file adding the repository's bundled CJK fonts to the system's, standing in for the
    CJK fonts a reader's system has (the page itself embeds none)."""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{ROOT / 'fonts'}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return conf


def _high(fds: tuple[int, int]) -> tuple[int, int]:
    """A pipe moved to fds above 9, so that putting its ends at a child's fds 3 and 4 clobbers neither."""
    out = tuple(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in fds)
    for fd in fds:
        os.close(fd)
    return out[0], out[1]


class Chromium:
    """One headless Chromium with one page, driven over the DevTools pipe."""

    def __init__(self, executable: str, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self.folder = Path(tempfile.mkdtemp(prefix="juesuan-chromium-"))
        to_child, self._write = _high(os.pipe())
        self._read, from_child = _high(os.pipe())

        env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig(self.folder))}
        # bash (dash takes no fd above 9) puts our pipe ends at the child's fds 3 (commands in) and 4 (replies out).
        wire = f'exec "$0" "$@" 3<&{to_child} 4>&{from_child} {to_child}<&- {from_child}>&-'
        self.process = subprocess.Popen(
            ["/bin/bash", "-c", wire, executable, *FLAGS, f"--user-data-dir={self.folder / 'profile'}", "about:blank"],
            pass_fds=(to_child, from_child), env=env,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""
        try:
            target = self.send("Target.createTarget", url="about:blank")["targetId"]
            self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            for domain in ("Page", "Network", "Runtime"):
                self.call(f"{domain}.enable")
        except BaseException:
            self.close()  # a browser that never answered leaves neither a process nor its profile behind
            raise

    # -- protocol -------------------------------------------------------------------------------------

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its reply; events seen meanwhile are kept in `events`."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return dict(reply.get("result", {}))
            self.events.append(reply)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """A command to the page."""
        return self.send(method, self.session, **params)

    def _receive(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._read], [], [], max(deadline - time.monotonic(), 0))
            if not ready:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        return dict(json.loads(raw))

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for an event (one already seen counts), removing it from `events`."""
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._receive())

    # -- page -----------------------------------------------------------------------------------------

    def open(self, path: Path, width: int, height: int = 900, mobile: bool = False) -> None:
        """Load a file at a viewport `width` CSS px wide (phone widths emulate a touch screen)."""
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=mobile)
        self.events.clear()
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        self.evaluate("document.fonts.ready.then(() => true)")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, x: float = 0, y: float = 0, width: float = 0, height: float = 0) -> bytes:
        """A PNG of the viewport, or of a clip of the page."""
        params: dict[str, Any] = {"format": "png"}
        if width and height:
            params.update(clip={"x": x, "y": y, "width": width, "height": height, "scale": 1},
                          captureBeyondViewport=True)
        return base64.b64decode(self.call("Page.captureScreenshot", **params)["data"])

    def requested_urls(self) -> list[str]:
        """Every URL the page asked for since it was opened."""
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    def close(self) -> None:
        """End this browser (only the process we started) and remove its profile."""
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._read)
        os.close(self._write)
        shutil.rmtree(self.folder, ignore_errors=True)
