#!/usr/bin/env python3
"""An SMTP sink for the integration tests: requires AUTH (PLAIN/LOGIN) with the user and
password from SMTP_USER / SMTP_PASSWORD, and stores every message it receives as a .eml file.

Usage: smtp_sink.py HOST PORT MAIL_DIR
"""

import asyncio
import os
import pathlib
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Store:
    def __init__(self, directory):
        self.directory = pathlib.Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server, session, envelope):
        name = self.directory / f"{time.time_ns()}.eml"
        name.write_bytes(envelope.original_content or envelope.content)
        return "250 OK stored"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password:
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)
    return check


def main():
    host, port, directory = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    controller = Controller(
        Store(directory),
        hostname=host,
        port=port,
        authenticator=authenticator(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"]),
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    try:
        asyncio.new_event_loop().run_forever()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
