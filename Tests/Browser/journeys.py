"""Browser journeys through the Amtsweg web application, in Debian's Chromium driven by Playwright,
with axe-core accessibility checks (WCAG 2.0/2.1 A and AA) on every page.

Usage: journeys.py BASE_URL CORPUS_DIR SCREENSHOT_DIR
The server must be running with the demo municipality (amtsweg serve --demo). Exits non-zero on the first
failed journey or on any accessibility violation, after writing a screenshot of every page it visited.
"""
import json
import os
import re
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

BASE, CORPUS, SHOTS = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
os.makedirs(SHOTS, exist_ok=True)
axe = Axe()
violations = {}
console_errors = []
checked = []


def check(page, name):
    """Screenshot and accessibility check of the page as it is now."""
    page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)
    results = axe.run(page, options=WCAG)
    found = results.response["violations"]
    if found:
        violations[name] = [
            {"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]} for v in found]
    checked.append(name)


def visit(page, path, name, status=200):
    """Opens the page, expects exactly the given answer, and checks it."""
    response = page.goto(BASE + path)
    assert response is not None and response.status == status, f"{path}: HTTP {response.status}, expected {status}"
    check(page, name)
    return response


def image_loaded(page, selector):
    image = page.locator(selector).first
    expect(image).to_be_visible()
    page.wait_for_function(
        "s => { const i = document.querySelector(s); return i && i.complete && i.naturalWidth > 0; }", arg=selector)


with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="de-DE")
    # Script errors and refusals by the Content-Security-Policy fail the run; the 404 and 422 answers this
    # journey provokes on purpose do not.
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and "Failed to load resource" not in message.text
            and console_errors.append(message.text))

    # 1. The demo opens on the start page; the Ist-Analyse shows the interaction matrix.
    visit(page, "/", "start")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Musterstadt")
    page.get_by_role("link", name="Ist-Analyse ansehen").click()
    expect(page.locator("table.matrix tbody tr").first).to_be_visible()
    assert page.locator("table.matrix td.heat-5").count() >= 1, "the heat map has no strongest cell"
    check(page, "ist-analyse")

    # Keyboard: the first Tab reaches the skip link, which leads to the main content.
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # 1b. The demo's trade registration has an event log: estimated and measured times side by side, the steps
    # whose estimate is far off marked in words, and the key figures switchable to the measured basis.
    visit(page, "/processes/gewerbe-anmeldung-ist", "prozess-geschaetzt-gemessen")
    times = page.locator("table.times")
    expect(page.get_by_role("heading", name="Geschätzt und gemessen")).to_be_visible()
    headers = times.locator("thead th").all_inner_texts()
    assert headers.count("geschätzt") == 2 and headers.count("gemessen (Median)") == 2, f"columns: {headers}"
    flagged = times.locator("tbody tr.off th").all_inner_texts()
    assert any("Gewerbeanzeige erfassen" in row for row in flagged), f"flagged steps: {flagged}"
    entry = times.locator("tbody tr", has_text="Gewerbeanzeige erfassen").locator("td").all_inner_texts()
    assert entry[1] == "12 min" and entry[2] != "–", f"estimated and measured handling: {entry}"
    page.get_by_role("link", name="Kennzahlen aus den gemessenen Zeiten berechnen").click()
    expect(page.locator("#figures-heading ~ p", has_text="gemessene Bearbeitungszeiten")).to_be_visible()
    check(page, "prozess-kennzahlen-gemessen")
    # The activities were matched to the steps by name; the user reviews the suggestion and confirms it.
    page.get_by_role("link", name="Zuordnung prüfen und bestätigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aktivitäten und Schritte")
    selected = page.get_by_label("Gewerbeanzeige erfassen").input_value()
    assert selected == "Erfassen", f"suggested step: {selected}"
    check(page, "aktivitaeten-schritte")
    page.get_by_role("button", name="Zuordnung bestätigen").click()
    expect(page.get_by_text("Gespeichert. Die gemessenen Zeiten des Prozesses verwenden jetzt diese Zuordnung.")).to_be_visible()
    visit(page, "/processes/gewerbe-anmeldung-ist", "prozess-zuordnung-bestaetigt")
    expect(page.get_by_text("Die Zuordnung der Aktivitäten zu den Schritten ist bestätigt.")).to_be_visible()

    # 2. Edit a step of a process, with the keyboard only, and see the redrawn diagram.
    visit(page, "/processes/baugenehmigung-ist", "prozess")
    image_loaded(page, ".diagram-frame img")
    page.get_by_role("link", name="Schritte bearbeiten").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Schritte bearbeiten")
    check(page, "schritte-bearbeiten")
    page.get_by_role("link", name=re.compile(r"^Bearbeiten\s*: Vollständigkeit prüfen$")).focus()
    page.keyboard.press("Enter")
    check(page, "schritt-formular")
    name = page.get_by_label("Name des Schritts")
    name.focus()
    name.fill("Vollständigkeit digital prüfen")
    page.get_by_label("Medium").select_option("eFile")
    page.get_by_role("button", name="Speichern und Diagramm neu zeichnen").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".notice")).to_contain_text("neu gezeichnet")
    image_loaded(page, "#editor-diagram img")
    svg = page.request.get(BASE + "/processes/baugenehmigung-ist/diagram.svg").text()
    assert "digital" in svg, "the diagram was not redrawn with the new step name"
    check(page, "schritte-nach-aenderung")
    # An invalid entry comes back with the message and the input kept.
    page.goto(BASE + "/processes/baugenehmigung-ist/steps/Vollstaendigkeit")
    page.get_by_label("Bearbeitungszeit je Fall (Minuten)").fill("viele")
    page.get_by_role("button", name="Speichern und Diagramm neu zeichnen").click()
    expect(page.get_by_role("alert")).to_contain_text("Bearbeitungszeit")
    expect(page.get_by_label("Bearbeitungszeit je Fall (Minuten)")).to_have_value("viele")
    check(page, "schritt-formular-fehler")

    # 3. Upload receipt.csv: the DFG and the variants appear.
    receipt = os.path.join(CORPUS, "eventlogs/pm4py/input_data/receipt.csv")
    if os.path.exists(receipt):
        visit(page, "/monitor", "messen")
        # A refused upload (413) shows the server's message where it was sent, not a page that does not exist.
        refusal = "Die Datei ist größer als erlaubt."
        page.route("**/monitor/logs", lambda route: route.fulfill(
            status=413, content_type="text/html; charset=utf-8",
            body=f"<!doctype html><html lang=de><title>Zu groß</title><main><h1>Zu groß</h1><p>{refusal}</p></main></html>"))
        page.get_by_label("Protokolldatei (.xes, .xes.gz, .csv)").set_input_files(receipt)
        page.get_by_role("button", name="Hochladen und auswerten").click()
        expect(page.get_by_text(refusal)).to_be_visible()
        page.unroute("**/monitor/logs")
        # A broken connection sends the form again the ordinary way; the server's next step appears.
        attempts = []
        def break_first(route):
            attempts.append(route.request.url)
            route.abort() if len(attempts) == 1 else route.continue_()
        visit(page, "/monitor", "messen")
        page.route("**/monitor/logs", break_first)
        page.get_by_label("Protokolldatei (.xes, .xes.gz, .csv)").set_input_files(receipt)
        page.get_by_role("button", name="Hochladen und auswerten").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Datenschutz je Attribut")
        assert len(attempts) == 2, f"the form was not sent again after the broken connection: {attempts}"
        page.unroute("**/monitor/logs")
        visit(page, "/monitor", "messen")
        page.get_by_label("Protokolldatei (.xes, .xes.gz, .csv)").set_input_files(receipt)
        page.get_by_label("Bezeichnung (freiwillig)").fill("Quittungen")
        page.get_by_role("button", name="Hochladen und auswerten").click()
        # Nothing is stored before the uploader chose per attribute; the resource is preset to pseudonymise.
        expect(page.get_by_role("heading", level=1)).to_have_text("Datenschutz je Attribut")
        expect(page.locator("#attribute-0-pseudonymise")).to_be_checked()
        check(page, "protokoll-datenschutz")
        page.get_by_role("button", name="Speichern und auswerten").click()
        page.wait_for_url(re.compile(r".*/monitor/logs/log-\d+$"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Quittungen")
        image_loaded(page, "#dfg-diagram img")
        assert page.locator("table.variants tbody tr").count() >= 10, "variants missing"
        check(page, "protokoll-dfg")
        # The process map as the browser draws it: no text over another text, no edge label over a box.
        # In a page of its own: the log page reloads itself when a background analysis finishes, which would
        # cut short a navigation started from it.
        drawing = browser.new_page(viewport={"width": 1280, "height": 900}, locale="de-DE")
        drawing.goto(BASE + page.locator("#dfg-diagram img").get_attribute("src"))
        clashes = drawing.evaluate("""() => {
            const svg = document.querySelector('svg.process-map');
            const group = t => t.closest('g.activity');
            const texts = [...svg.querySelectorAll('text')].filter(t => !t.closest('g.legend')).map(t => ({t: t.textContent, g: group(t), b: t.getBBox()}));
            const boxes = [...svg.querySelectorAll('g.activity rect')].map(r => ({g: r.closest('g.activity'), b: r.getBBox()}));
            const hit = (a, b) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
            const found = [];
            texts.forEach((a, i) => {
                texts.slice(0, i).forEach(o => { if ((a.g !== o.g || !a.g) && hit(a.b, o.b)) found.push(a.t + ' über ' + o.t); });
                boxes.forEach(o => { if (o.g !== a.g && hit(a.b, o.b)) found.push(a.t + ' über einem Kasten'); });
            });
            return [found, svg.querySelectorAll('g.activity').length, svg.querySelectorAll('path.edge').length];
        }""")
        assert not clashes[0] and clashes[1] > 0 and clashes[2] > 0, f"process map: {clashes}"
        drawing.close()
        page.get_by_label("Dauer").check()
        page.get_by_role("button", name="Anzeigen").click()
        image_loaded(page, "#dfg-diagram img")
        check(page, "protokoll-dfg-dauer")
    else:
        print("Hinweis: Korpus fehlt – Protokoll-Upload übersprungen.")

    # 4. Upload a MIWG reference model: its diagram appears.
    miwg = os.path.join(CORPUS, "bpmn/miwg/Reference/A.2.0.bpmn")
    if os.path.exists(miwg):
        visit(page, "/processes", "prozesse")
        page.get_by_label("BPMN-Datei (.bpmn, .xml)").set_input_files(miwg)
        page.get_by_role("button", name="Hochladen").click()
        page.wait_for_url(re.compile(r".*/processes/A\.2\.0.*"))
        image_loaded(page, ".diagram-frame img")
        check(page, "prozess-hochgeladen")
    else:
        print("Hinweis: Korpus fehlt – BPMN-Upload übersprungen.")

    # Every other page, checked and photographed.
    for path, name in [
        ("/map", "organisation"), ("/map/units/32", "einheit"), ("/map/services", "leistungen"),
        ("/map/flows", "informationsfluesse"), ("/map/flows/new", "fluss-formular"), ("/processes/catalogue", "kataloge"),
        ("/processes/settings", "annahmen"),
        ("/optimize", "schwachstellen"), ("/optimize/compare/baugenehmigung-ist/baugenehmigung-soll", "ist-soll"),
        ("/roadmap", "fahrplan"), ("/search?q=Bau", "suche"),
        ("/me", "fuer-mich"), ("/optimize/proposals", "vorschlaege"), ("/optimize/proposals/demo-v1", "vorschlag"),
        ("/optimize/proposals/new?subject=step:baugenehmigung-ist/Eingang", "vorschlag-formular"),
        ("/processes/hundesteuer-ist", "prozess-mit-freigabe"), ("/processes/hundesteuer-ist/versions", "fassungen"),
        ("/processes/hundesteuer-ist/versions/compare?from=1&to=3", "fassungen-vergleich"),
        ("/map/units/33", "einheit-mit-kommentaren"), ("/roadmap/initiatives/M05", "massnahme-mit-kommentaren"),
        ("/map/workshops", "workshop-runden"), ("/map/workshops/new", "workshop-eroeffnen"),
        ("/map/workshops/runde-1", "workshop-abgeschlossen"),
        ("/map/workshops/runde-2/compare?with=runde-1", "workshop-vergleich"),
        ("/map/flows/F-001/comments", "fluss-mit-kommentaren"),
        ("/processes/baugenehmigung-ist/comments", "prozess-alle-kommentare"),
        ("/map/versions", "organisation-fassungen"), ("/map/versions/compare?from=1&to=5", "organisation-vergleich"),
    ]:
        visit(page, path, name)
    visit(page, "/gibt-es-nicht", "fehlerseite", status=404)
    # A problem spot's own page, reached from the list: its comments and the way to propose an improvement.
    page.goto(BASE + "/optimize")
    page.get_by_role("link", name=re.compile("^Besprechen und Verbesserung vorschlagen")).first.click()
    expect(page.get_by_role("heading", name="Kommentare")).to_be_visible()
    check(page, "schwachstelle-mit-kommentaren")
    # The interaction network as drawn: no unit's box over another, no name outside its box.
    visit(page, "/map/ist", "ist-analyse-netz")
    clashes = page.evaluate("""() => {
        const svg = document.querySelector('svg.network');
        const boxes = [...svg.querySelectorAll('g.node')].map(g => ({t: g.querySelector('title').textContent, b: g.querySelector('rect').getBBox(), texts: [...g.querySelectorAll('text')].map(t => t.getBBox())}));
        const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        const inside = (a, b) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
        const found = [];
        boxes.forEach((a, i) => {
            boxes.slice(0, i).forEach(o => { if (hit(a.b, o.b)) found.push(a.t + ' über ' + o.t); });
            a.texts.forEach(t => { if (!inside(t, a.b)) found.push('Name ragt heraus: ' + a.t); });
        });
        return [found, boxes.length];
    }""")
    assert not clashes[0] and clashes[1] > 10, f"interaction network: {clashes}"
    # A workshop form sent empty comes back with its messages.
    page.goto(BASE + "/map/ist#findings")
    page.get_by_role("button", name="Ergebnis speichern").click()
    expect(page.get_by_role("alert")).to_contain_text("Bitte")
    check(page, "workshop-formular-fehler")
    # 5. Accounts: the administrator (local mode) creates a Mitwirkende of the Gewerbe desk, a reader and the
    #    staff council; each signs in in a browser of their own.
    visit(page, "/admin/accounts", "konten")
    password = "ein-langes-passwort-2026"
    for login, display, role, unit in [("maria", "Maria Gewerbe", "contributor", "32.1"),
                                       ("lena", "Lena Lesend", "reader", ""),
                                       ("paul", "Paul Personalrat", "staff-council", "")]:
        page.goto(BASE + "/admin/accounts")
        page.get_by_label("Name der Person").fill(display)
        page.get_by_label("Anmeldename (Kleinbuchstaben, Ziffern, Punkt, Bindestrich)").fill(login)
        page.get_by_label("Rolle", exact=True).select_option(role)
        if unit:
            page.get_by_label("Organisationseinheit (für Mitwirkende nötig)").select_option(unit)
        page.get_by_label("Erstes Passwort (mindestens 10 Zeichen)").fill(password)
        page.get_by_role("button", name="Konto anlegen").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(display)
    check(page, "konto-verwalten")

    def signed_in(login, shot):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
        person = context.new_page()
        person.on("pageerror", lambda error: console_errors.append(str(error)))
        person.goto(BASE + "/login")
        check(person, "anmelden") if shot else None
        person.get_by_label("Anmeldename").fill(login)
        person.get_by_label("Passwort").fill(password)
        person.get_by_role("button", name="Anmelden").click()
        expect(person.locator(".person-name")).to_be_visible()
        return context, person

    # Maria changes a step of her unit's process, and cannot change another unit's.
    context, maria = signed_in("maria", True)
    maria.goto(BASE + "/processes/gewerbe-anmeldung-ist")
    maria.get_by_role("link", name="Schritte bearbeiten").click()
    maria.get_by_role("link", name=re.compile(r"^Bearbeiten")).first.click()
    maria.get_by_label("Name des Schritts").fill("Gewerbeanzeige digital annehmen")
    maria.get_by_role("button", name="Speichern und Diagramm neu zeichnen").click()
    expect(maria.locator(".notice")).to_contain_text("neu gezeichnet")
    maria.goto(BASE + "/processes/baugenehmigung-ist")
    expect(maria.get_by_role("link", name="Schritte bearbeiten")).to_have_count(0)
    token = maria.locator("input[name=csrf]").first.get_attribute("value")
    crafted = maria.request.post(BASE + "/processes/baugenehmigung-ist/steps/Vollstaendigkeit",
                                 form={"csrf": token, "name": "Von Maria geändert"},
                                 headers={"Origin": BASE})
    assert crafted.status == 403, f"a crafted change of another unit's process got {crafted.status}"
    maria.goto(BASE + "/account")
    check(maria, "mein-konto")
    context.close()

    # Lena reads only: no edit controls anywhere.
    context, lena = signed_in("lena", False)
    for path in ["/processes/gewerbe-anmeldung-ist", "/processes", "/map/flows", "/monitor", "/map/ist"]:
        lena.goto(BASE + path)
        for control in ["Schritte bearbeiten", "BPMN-Datei hochladen", "Informationsfluss anlegen",
                        "Ereignisprotokoll hochladen", "Ergebnis speichern"]:
            expect(lena.get_by_text(control, exact=True)).to_have_count(0)
    context.close()

    # The staff council reads the audit log with both changes: the account and Maria's step.
    context, paul = signed_in("paul", False)
    paul.goto(BASE + "/audit")
    expect(paul.get_by_role("heading", level=1)).to_have_text("Protokoll")
    audit = paul.locator("table").inner_text()
    assert "Maria Gewerbe" in audit and "saveProcess" in audit, "Maria's change is not in the audit log"
    assert "createAccount" in audit, "the new accounts are not in the audit log"
    check(paul, "protokoll")
    # The staff council switches person-level figures on; the switch is in the audit log.
    paul.goto(BASE + "/privacy")
    check(paul, "datenschutz")
    paul.get_by_label("eingeschaltet").check()
    paul.get_by_role("button", name="Speichern").click()
    expect(paul.locator(".notice")).to_contain_text("Gespeichert")
    paul.goto(BASE + "/audit")
    assert "enablePersonLevel" in paul.locator("table").inner_text(), "the switch is not in the audit log"
    context.close()

    # The Fahrplan, by keyboard only: from a problem spot an initiative with effort and a dependency, scheduled
    # after it, in the Gantt chart and in the unit's load; then a measurement point extends every goal's trend.
    visit(page, "/roadmap", "fahrplan")
    expect(page.locator("svg.gantt")).to_be_visible()
    # The priority matrix as drawn: no text over another text or over a point, nothing outside the picture.
    clashes = page.evaluate("""() => {
        const svg = document.querySelector('svg.matrix');
        const view = svg.viewBox.baseVal;
        const boxes = [...svg.querySelectorAll('text:not([transform])')].map(t => ({t: t.textContent, b: t.getBBox(), label: t.classList.contains('point-label')}));
        const dots = [...svg.querySelectorAll('circle')].map(c => ({t: 'Punkt', b: c.getBBox(), label: false}));
        const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        const found = [];
        boxes.forEach((a, i) => {
            const b = a.b;
            if (b.x < view.x || b.y < view.y || b.x + b.width > view.x + view.width || b.y + b.height > view.y + view.height) found.push('außerhalb: ' + a.t);
            boxes.slice(0, i).forEach(o => { if (hit(a.b, o.b)) found.push(a.t + ' über ' + o.t); });
            if (a.label) dots.forEach(o => { if (hit(a.b, o.b)) found.push(a.t + ' über einem Punkt'); });
        });
        return [found, svg.querySelectorAll('text.point-label').length];
    }""")
    assert not clashes[0] and clashes[1] > 0, f"priority matrix: {clashes}"
    assert page.locator("table").filter(has_text="Zeitplan als Tabelle").count() == 1, "the Gantt chart's table"
    visit(page, "/roadmap/settings", "fahrplan-planen")
    visit(page, "/optimize?rule=longWait&process=gaststaette-ist", "schwachstellen-gaststaette")
    page.get_by_role("link", name="Maßnahme daraus machen").first.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Maßnahme anlegen")
    check(page, "massnahme-anlegen")
    page.get_by_label("Titel").press("Control+A")
    page.get_by_label("Titel").press_sequentially("Stellungnahmen digital einholen")
    page.get_by_label("Einheit 1").focus()
    page.keyboard.type("Gewerbe und")  # a select takes typed letters
    page.get_by_label("Personentage 1").press_sequentially("6")
    page.get_by_label("M09 E-Akte für die Fachämter einführen").press("Space")
    page.get_by_label("Stand").focus()
    page.keyboard.type("geplant")
    page.get_by_role("button", name="Speichern").press("Enter")
    expect(page.locator(".notice")).to_contain_text("Gespeichert")
    check(page, "massnahme")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading.startswith("M14 Stellungnahmen digital einholen"), heading
    lead = page.locator(".lead").inner_text()
    assert "nicht eingeplant" not in lead and "Q1/2027" not in lead, f"not after the E-Akte: {lead}"
    assert "Gewerbe und Gaststätten: 6,0 Personentage" in page.locator("table").first.inner_text()
    page.goto(BASE + "/roadmap")
    assert page.locator("svg.gantt text", has_text="M14 Stellungnahmen").count() == 1, "M14 is not in the Gantt chart"
    load = page.locator("#load table").inner_text()
    assert "Gewerbe und Gaststätten" in load, load
    first_goal = page.locator("article.goal").first
    before = first_goal.locator("tbody tr").count()
    page.get_by_role("button", name="Messpunkt erfassen").press("Enter")
    expect(page.locator(".notice")).to_contain_text("Messpunkt vom")
    after = page.locator("article.goal").first.locator("tbody tr").count()
    assert after == before + 1, f"the trend did not grow: {before} → {after} points"
    check(page, "fahrplan-nach-messung")

    # Staff take part, by keyboard only (every control reached with Tab, used with Enter, Space or typing):
    # Kai (Mitwirkende, Straßenverkehr) answers his unit's workshop questions and proposes an improvement on a
    # step; Miriam (Prozessmanagement) merges the answers, returns the unit's draft process with a comment; Kai
    # changes it; Miriam releases it; Paul (Lesende) sees only the released version; the proposal is accepted
    # and becomes an initiative, and Kai sees both on "Für mich".
    def tab_to(person, locator, limit=600):
        """Presses Tab until `locator` has the focus: proof that the keyboard reaches it."""
        target = locator.first
        expect(target).to_be_attached()
        for _ in range(limit):
            person.keyboard.press("Tab")
            if target.evaluate("e => e === document.activeElement"):
                return
        raise AssertionError(f"not reachable with Tab: {locator}")

    def activate(person, locator, key="Enter"):
        tab_to(person, locator)
        person.keyboard.press(key)

    def fill(person, locator, text):
        tab_to(person, locator)
        person.keyboard.press("Control+A")
        person.keyboard.type(text)

    def keyboard_sign_in(login):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
        person = context.new_page()
        person.on("pageerror", lambda error: console_errors.append(str(error)))
        person.goto(BASE + "/login")
        fill(person, person.get_by_label("Anmeldename"), login)
        fill(person, person.get_by_label("Passwort"), "musterstadt-demo-2026")
        person.keyboard.press("Enter")
        expect(person.locator(".person-name")).to_be_visible()
        return context, person

    def heading(person):
        return person.get_by_role("heading", level=1)

    kai_context, kai = keyboard_sign_in("verkehr")
    activate(kai, kai.get_by_role("link", name="Für mich"))
    expect(kai.locator("#workshops-heading")).to_be_visible()
    activate(kai, kai.locator("section[aria-labelledby=workshops-heading] a", has_text="Ist-Analyse 2026"))
    expect(heading(kai)).to_contain_text("Frage 1 von 7")
    check(kai, "workshop-frage")
    fill(kai, kai.get_by_label("Aufgabe", exact=True), "Baustellen im Straßenraum genehmigen")
    kai.keyboard.press("Enter")
    expect(kai.locator(".notice")).to_contain_text("Gespeichert")
    for number in range(2, 8):
        activate(kai, kai.get_by_role("link", name="Weiter zur nächsten Frage"))
        expect(heading(kai)).to_contain_text(f"Frage {number} von 7")
        if number == 2:
            check(kai, "workshop-frage-fluesse")
        if number == 3:
            fill(kai, kai.get_by_label("Was klappt nicht? (in eigenen Worten)"),
                 "Baustellenanträge kommen per Post vom Tiefbauamt, oft ohne Verkehrszeichenplan.")
            activate(kai, kai.get_by_role("button", name="Antwort speichern"))
        elif number == 7:
            activate(kai, kai.get_by_label("Tiefbauamt", exact=True), key="Space")
            activate(kai, kai.get_by_role("button", name="Antwort speichern"))
        else:
            activate(kai, kai.get_by_role("button", name="Nichts zu ergänzen – das Erfasste stimmt"))
        expect(kai.locator(".notice")).to_contain_text("Gespeichert")
    expect(kai.locator(".question-steps .badge")).to_have_count(7)
    # An improvement on a step of his unit's process.
    kai.goto(BASE + "/processes/bewohnerparken-ist")
    activate(kai, kai.get_by_role("link", name="Verbesserung vorschlagen (Parkausweis drucken)"))
    expect(heading(kai)).to_have_text("Verbesserung vorschlagen")
    fill(kai, kai.get_by_label("Titel"), "Parkausweis digital ausstellen")
    fill(kai, kai.get_by_label("Was heute nicht gut läuft"), "Jeder Ausweis wird gedruckt und abgeholt.")
    fill(kai, kai.get_by_label("Was sich ändern soll"), "Den Ausweis digital ausstellen, die Kontrolle liest das Kennzeichen.")
    fill(kai, kai.get_by_label("Erwarteter Nutzen"), "Kein Druck, keine Abholung am Schalter.")
    activate(kai, kai.get_by_role("button", name="Vorschlag einreichen"))
    expect(heading(kai)).to_have_text("Parkausweis digital ausstellen")
    proposal_url = kai.url
    # His unit's returned draft goes back to review.
    kai.goto(BASE + "/processes/bewohnerparken-ist")
    activate(kai, kai.get_by_role("button", name="Zur Prüfung einreichen"))
    expect(kai.locator("#release .badge")).to_have_text("in Prüfung")

    miriam_context, miriam = keyboard_sign_in("prozess")
    miriam.goto(BASE + "/map/workshops/runde-2")
    check(miriam, "workshop-fortschritt")
    progress = miriam.locator("table.workshop-progress tr", has_text="Straßenverkehr und Sondernutzung").inner_text()
    assert "7 von 7" in progress and "vollständig" in progress, progress
    for _ in range(3):
        answer = miriam.locator("article.workshop-answer", has_text="Straßenverkehr und Sondernutzung:").first
        activate(miriam, answer.get_by_role("button", name="Übernehmen", exact=True))
        expect(miriam.get_by_role("heading", name="Antworten zur Entscheidung")).to_be_visible()
    expect(miriam.locator("article.workshop-answer", has_text="Straßenverkehr und Sondernutzung:")).to_have_count(0)
    decided = miriam.locator("section[aria-labelledby=decided-heading] table").inner_text()
    assert decided.count("übernommen (Miriam Aydın (Prozessmanagement))") == 3, decided
    miriam.goto(BASE + "/map/units/32.2")
    expect(miriam.get_by_text("Baustellen im Straßenraum genehmigen")).to_be_visible()
    miriam.goto(BASE + "/map/ist")
    expect(miriam.locator("blockquote.finding", has_text="ohne Verkehrszeichenplan")).to_contain_text(
        "Antworten von „Straßenverkehr und Sondernutzung“, Workshop-Runde „Ist-Analyse 2026“")
    # She returns the draft with a comment.
    miriam.goto(BASE + "/processes/bewohnerparken-ist")
    fill(miriam, miriam.get_by_label("Anmerkung an die Bearbeitenden"), "Bitte den Druck des Ausweises genauer fassen.")
    activate(miriam, miriam.get_by_role("button", name="Mit Anmerkungen zurückgeben"))
    expect(miriam.locator("#release .badge")).to_have_text("Entwurf")

    # Kai reads the comment on "Für mich" and changes the step.
    activate(kai, kai.get_by_role("link", name="Für mich"))
    expect(kai.locator("section[aria-labelledby=mentions-heading]")).to_contain_text("Bitte den Druck des Ausweises")
    kai.goto(BASE + "/processes/bewohnerparken-ist")
    activate(kai, kai.get_by_role("link", name="Schritte bearbeiten"))
    activate(kai, kai.get_by_role("link", name=re.compile(r"^Bearbeiten\s*: Parkausweis drucken$")))
    fill(kai, kai.get_by_label("Name des Schritts"), "Parkausweis am Schalter drucken und aushändigen")
    activate(kai, kai.get_by_role("button", name="Speichern und Diagramm neu zeichnen"))
    expect(kai.locator(".notice")).to_contain_text("neu gezeichnet")
    kai.goto(BASE + "/processes/bewohnerparken-ist")
    activate(kai, kai.get_by_role("button", name="Zur Prüfung einreichen"))
    expect(kai.locator("#release .badge")).to_have_text("in Prüfung")

    # Paul reads only the released version: none of the draft's words.
    paul_context, paul = keyboard_sign_in("lesend")
    paul.goto(BASE + "/processes/bewohnerparken-ist")
    steps = paul.locator("ul.steps").inner_text()
    assert "Wohnsitz im Melderegister nachfragen" in steps, steps
    assert "selbst abrufen" not in steps and "aushändigen" not in steps, steps
    check(paul, "prozess-lesend")

    # Miriam releases it; now Paul sees the new version.
    miriam.goto(BASE + "/processes/bewohnerparken-ist")
    activate(miriam, miriam.get_by_role("button", name="Freigeben"))
    expect(miriam.locator("#release .badge")).to_have_text("freigegeben")
    paul.goto(BASE + "/processes/bewohnerparken-ist")
    steps = paul.locator("ul.steps").inner_text()
    assert "selbst abrufen" in steps and "Parkausweis am Schalter drucken und aushändigen" in steps, steps
    paul_context.close()

    # The proposal goes into review and is accepted as an initiative of the roadmap.
    miriam.goto(proposal_url)
    activate(miriam, miriam.get_by_role("button", name="In Prüfung nehmen"))
    activate(miriam, miriam.get_by_role("button", name="Annehmen und als Maßnahme in den Fahrplan übernehmen"))
    initiative = miriam.get_by_role("link", name=re.compile(r"^Maßnahme M\d+"))
    expect(initiative).to_be_visible()
    initiative_id = initiative.inner_text().split()[1]
    miriam_context.close()

    # Kai sees both on "Für mich": the initiative his proposal became, and the release.
    activate(kai, kai.get_by_role("link", name="Für mich"))
    mine = kai.locator("section[aria-labelledby=my-proposals-heading]").inner_text()
    assert f"Maßnahme {initiative_id} im Fahrplan" in mine, mine
    released = kai.locator("section[aria-labelledby=released-heading]").inner_text()
    assert "Bewohnerparkausweis ausstellen" in released, released
    check(kai, "fuer-mich-nach-freigabe")
    kai_context.close()

    # OZG: the dashboard, then a service never assessed (Wohngeld) is rated on every criterion; one criterion
    # left open is refused with the form kept; once saved, the dashboard counts one more OZG-conformant service.
    visit(page, "/roadmap/ozg", "ozg-dashboard")
    conform = page.get_by_role("row", name=re.compile(r"davon OZG-konform")).locator("td")
    before = int(conform.inner_text())
    unassessed = page.locator("section[aria-labelledby=ozg-gaps] ul").first.inner_text()
    assert "Wohngeld" in unassessed, unassessed
    page.locator("section[aria-labelledby=ozg-gaps]").get_by_role("link", name="Wohngeld").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wohngeld")
    check(page, "ozg-leistung")
    criteria = page.locator("select[name^=criterion-]")
    assert criteria.count() == 10, criteria.count()
    for index in range(criteria.count() - 1):
        criteria.nth(index).select_option("3")
    # The browser holds the form back while a criterion is open; without that check the server refuses it.
    assert criteria.nth(9).evaluate("e => !e.validity.valid"), "the open criterion is not marked invalid"
    page.evaluate("document.querySelectorAll('select[required]').forEach(e => e.removeAttribute('required'))")
    page.get_by_role("button", name="Bewertung speichern").click()
    expect(page.get_by_role("alert")).to_contain_text("bitte eine Stufe wählen")
    check(page, "ozg-leistung-fehler")
    page.get_by_label("Once-Only").select_option("3")
    page.get_by_label("Zielstufe").select_option("4")
    page.get_by_role("button", name="Bewertung speichern").click()
    expect(page.locator(".notice")).to_contain_text("Bewertung gespeichert")
    expect(page.locator("section[aria-labelledby=maturity-now]")).to_contain_text("Stufe 3 – Online-Leistung")
    page.goto(BASE + "/roadmap/ozg")
    assert int(conform.inner_text()) == before + 1, f"{conform.inner_text()} after {before}"
    gaps = page.locator("section[aria-labelledby=ozg-gaps]").inner_text()
    assert "Wohngeld" not in gaps, gaps
    check(page, "ozg-dashboard-nach-bewertung")

    # FIM: the corpus's Stammprozess uploaded through the form, a local process derived from it, its lineage
    # (no differences yet) and the master's page with the local process listed.
    fim_file = os.path.join(CORPUS, "fim/xprozess/xprozess2_alleInhalte_export_0303_99006028261000_MuSchG.xml")
    visit(page, "/processes/fim", "fim-bibliothek")
    page.get_by_label("XProzess-Datei (.xml)").set_input_files(fim_file)
    page.get_by_role("button", name="Einlesen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Anzeige zur Beschäftigung einer schwangeren oder stillenden Frau bearbeiten")
    groups = page.locator("section[aria-labelledby=groups-heading] tbody tr")
    assert groups.count() == 12, groups.count()
    expect(page.locator("section[aria-labelledby=master-diagram-heading] svg")).to_be_visible()
    check(page, "fim-referenzprozess")
    page.get_by_label("Kennung des lokalen Prozesses").fill("mutterschutz-anzeige")
    page.get_by_label("Name des lokalen Prozesses").fill("Mutterschutz-Anzeige bearbeiten (Musterstadt)")
    page.get_by_role("button", name="Lokalen Prozess ableiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Abweichungen vom Referenzprozess")
    expect(page.locator("section[aria-labelledby=lineage-changes-heading]")).to_contain_text(
        "Der lokale Prozess entspricht dem Referenzprozess")
    check(page, "fim-abweichungen")
    download = page.request.get(BASE + "/processes/mutterschutz-anzeige/xprozess")
    assert download.status == 200 and b"alleInhalte.export.0303" in download.body(), download.status
    visit(page, "/processes/fim", "fim-bibliothek-mit-ableitung")
    expect(page.get_by_role("link", name="Mutterschutz-Anzeige bearbeiten (Musterstadt)")).to_be_visible()

    # The process handbook: from the derived process's page its own chapter, from the list the whole house's —
    # every process in the contents and a chapter with a loaded diagram for each.
    page.goto(BASE + "/processes/mutterschutz-anzeige")
    page.get_by_role("link", name="Prozesshandbuch (Druckfassung)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Prozesshandbuch")
    expect(page.locator("article h2")).to_have_text(["1. Mutterschutz-Anzeige bearbeiten (Musterstadt)"])
    expect(page.locator("article")).to_contain_text("99006028261000")
    image_loaded(page, "article .handbook-diagram img")
    check(page, "prozesshandbuch-prozess")
    page.goto(BASE + "/processes")
    listed = page.locator(".process-list li > a").count()
    page.get_by_role("link", name="Prozesshandbuch der ganzen Verwaltung").click()
    expect(page.locator("nav.toc li")).to_have_count(listed)
    expect(page.locator("article")).to_have_count(listed)
    assert page.evaluate("[...document.querySelectorAll('article img')].every(i => i.complete && i.naturalWidth > 0)")
    check(page, "prozesshandbuch-verwaltung")

    # English, chosen once, stays; the pages speak it.
    visit(page, "/?lang=en", "start-englisch")
    visit(page, "/processes/baugenehmigung-ist", "prozess-englisch")
    expect(page.get_by_role("heading", name="Step list")).to_be_visible()
    browser.close()

print(f"{len(checked)} Seiten geprüft, Screenshots in {SHOTS}")
if console_errors:
    print("Fehler in der Browser-Konsole:", *console_errors, sep="\n  ")
if violations:
    print(json.dumps(violations, indent=2, ensure_ascii=False))
    sys.exit(f"axe-core: Verstöße auf {len(violations)} Seiten")
if console_errors:
    sys.exit("Die Browser-Konsole meldet Fehler (etwa Verstöße gegen die Content-Security-Policy).")
print("axe-core: keine Verstöße gegen WCAG 2.0/2.1 A und AA")
