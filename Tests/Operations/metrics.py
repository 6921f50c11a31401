"""/metrics of a running server: parsed by prometheus_client's parser (Prometheus' text format), and its request
counter grows by exactly the number of requests made between two scrapes — whatever their routes and statuses.

Usage: metrics.py BASE_URL TOKEN
"""
import sys
import urllib.error
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

base, token = sys.argv[1], sys.argv[2]


def get(path, headers=None):
    request = urllib.request.Request(base + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def scrape():
    status, text = get("/metrics", {"Authorization": f"Bearer {token}"})
    assert status == 200, status
    families = {family.name: family for family in text_string_to_metric_families(text)}
    return families


def requests_total(families):
    # prometheus_client names a counter's family without "_total"; its samples keep it.
    family = families["amtsweg_http_requests"]
    assert family.type == "counter", family.type
    return sum(sample.value for sample in family.samples if sample.name == "amtsweg_http_requests_total")


assert get("/metrics")[0] == 401, "metrics without the token"
assert get("/metrics", {"Authorization": "Bearer falsch"})[0] == 401, "metrics with a wrong token"
before = scrape()
made = [get(path)[0] for path in ["/", "/roadmap", "/processes", "/processes/hundesteuer-ist", "/gibt-es-nicht",
                                   "/health", "/ready", "/api/v1/roadmap"]]
after = scrape()
grown = requests_total(after) - requests_total(before)
assert grown == len(made), f"the counter grew by {grown}, {len(made)} requests were made ({made})"
histogram = after["amtsweg_http_request_duration_seconds"]
assert histogram.type == "histogram", histogram.type
for gauge in ["amtsweg_jobs_queued", "amtsweg_jobs_running", "amtsweg_database_connections_in_use",
              "amtsweg_database_connections_max"]:
    assert after[gauge].type == "gauge", gauge
print(f"/metrics parsed by prometheus_client ({len(after)} metric families); the request counter grew by exactly "
      f"the {len(made)} requests made (statuses {sorted(set(made))}); without the token 401")
