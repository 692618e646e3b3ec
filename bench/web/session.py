#!/usr/bin/env python3
"""Signs in to a running headway-web like a browser without JavaScript, for bench/web/run.

  session.py setup BASE EMAIL PASSWORD   creates the owner account on /setup; prints the Cookie header value
  session.py signin BASE EMAIL PASSWORD  signs in on /account/sign-in; prints the Cookie header value

Forms are read from the page (hidden fields, the antiforgery token among them) and posted with the fields given.
"""
import html
import http.cookiejar
import re
import sys
import urllib.error
import urllib.parse
import urllib.request


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _opener(jar):
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)


def _attr(tag, name):
    m = re.search(r'\b' + name + r'="([^"]*)"', tag)
    return html.unescape(m.group(1)) if m else None


def _submit(opener, url, form_html, fields):
    data = {}
    for tag in re.findall(r'<input\b[^>]*>', form_html):
        if _attr(tag, "type") == "hidden" and _attr(tag, "name"):
            data[_attr(tag, "name")] = _attr(tag, "value") or ""
    data.update(fields)
    action = re.match(r'<form\b[^>]*>', form_html).group(0)
    target = urllib.parse.urljoin(url, _attr(action, "action") or url)
    try:
        response = opener.open(target, urllib.parse.urlencode(data).encode())
        return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        # A redirect (not followed by this opener) answers with its target.
        return e.code, e.headers.get("Location") if e.code in (301, 302, 303) else e.read().decode(errors="replace")


def _forms(page):
    return re.findall(r'<form\b.*?</form>', page, re.S)


def _cookie_from(base, path, fields):
    jar = http.cookiejar.CookieJar()
    opener = _opener(jar)
    page = opener.open(base + path).read().decode()
    form = next(f for f in _forms(page) if 'name="Password"' in f)
    status, location = _submit(opener, base + path, form, fields)
    cookie = next((c for c in jar if c.name == "headway"), None)
    if status != 302 or cookie is None:
        sys.exit(f"{path} failed: HTTP {status}, no sign-in cookie")
    # Follow the redirect as a browser does: the page it lands on shows the one-time message ("Your account is ready")
    # and deletes its cookie. Kept, that cookie made every measured request show the message and delete it again.
    url = urllib.parse.urljoin(base + path, location)
    for _ in range(5):
        try:
            opener.open(url).read()
            break
        except urllib.error.HTTPError as e:
            if e.code not in (301, 302, 303):
                raise
            url = urllib.parse.urljoin(url, e.headers.get("Location"))
    # Every cookie the browser now holds: the sign-in cookie and the antiforgery cookie, which a browser sends back
    # with each request (without it, every page would mint a new one and set it again).
    print("; ".join(f"{c.name}={c.value}" for c in jar))


def setup(base, email, password):
    _cookie_from(base, "/setup", {"Email": email, "Password": password, "Confirm": password})


def signin(base, email, password):
    _cookie_from(base, "/account/sign-in", {"Email": email, "Password": password})


if __name__ == "__main__":
    {"setup": setup, "signin": signin}[sys.argv[1]](*sys.argv[2:])
