#!/usr/bin/env python3
"""Prepares the submission load of load-run.sh through the service's own API: one organisation, its org-lead,
and N drafts with every item answered (answers.json), written one id per line. Usage:
  make-drafts.py BASE_URL ADMIN_USER ADMIN_PASSWORD ORG_CODE N OUT_FILE"""
import base64, http.client, json, os, sys, threading, urllib.parse

base, admin, admin_password, code, n, out = sys.argv[1:7]
n = int(n)
url = urllib.parse.urlparse(base)
lead, lead_password = "lead-" + code.lower(), "load-run-password"
answers = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "answers.json")))["answers"]


def auth(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def call(conn, method, path, body, authorization, expect):
    conn.request(method, path, json.dumps(body), {"Content-Type": "application/json", "Authorization": authorization})
    response = conn.getresponse()
    data = response.read()
    if response.status not in expect:
        sys.exit(f"{method} {path}: HTTP {response.status} {data[:300]!r}")
    return json.loads(data) if data else None


setup = http.client.HTTPConnection(url.hostname, url.port)
call(setup, "POST", "/api/v1/organisations", {"code": code, "name": "Load run " + code, "type": "LOCAL_AUTHORITY"},
     auth(admin, admin_password), (201, 409))
call(setup, "POST", "/api/v1/users", {"username": lead, "password": lead_password, "roles": ["org-lead"],
                                      "organisation": code}, auth(admin, admin_password), (201, 409))
ids, lock = [], threading.Lock()


def work(count):
    conn = http.client.HTTPConnection(url.hostname, url.port)
    for _ in range(count):
        draft = call(conn, "POST", "/api/v1/assessments", {"organisation": code, "questionnaire": "nttp-readiness",
                                                           "period": "2025-06"}, auth(lead, lead_password), (201,))
        call(conn, "PUT", f"/api/v1/assessments/{draft['id']}/answers", {"answers": answers},
             auth(lead, lead_password), (200,))
        with lock:
            ids.append(draft["id"])


workers = [threading.Thread(target=work, args=(n // 8 + (1 if i < n % 8 else 0),)) for i in range(8)]
for w in workers:
    w.start()
for w in workers:
    w.join()
with open(out, "w") as f:
    f.write("\n".join(ids) + "\n")
print(f"{len(ids)} drafts of {code} in {out}; org-lead {lead}")
