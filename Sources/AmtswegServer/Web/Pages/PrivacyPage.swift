import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// The tenant's privacy settings for Personalrat/Datenschutz (and Administration, reading): whether figures
/// about single persons (hand-overs between people) are shown, and what each uploaded log kept of people.
/// Only Personalrat/Datenschutz switch person-level figures on or off; each switch is in the audit log.
struct PrivacyPage: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.privacy, .readAudit) { request, context in try await show(request, context) }
        routes.post(Paths.privacy, .decidePrivacy) { request, context in try await decide(request, context) }
    }

    struct View: Sendable {
        struct Log: Sendable {
            var name: String
            var href: String
            var uploaded: String
            var choices: String
        }
        var csrf: String
        var personLevel: Bool
        var state: String
        var mayDecide: Bool
        var logs: [Log]
    }

    func show(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let access = try context.requireAccess()
        let snapshot = try await pages.snapshot(context)
        let logs = try await pages.workspace.repository.eventLogs(of: snapshot.map.tenant.id)
        let personLevel = snapshot.map.settings.personLevelFigures
        let view = View(
            csrf: context.csrfToken, personLevel: personLevel,
            state: personLevel
                ? "Eingeschaltet: Übergaben zwischen einzelnen Personen (pseudonymisiert) werden angezeigt."
                : "Ausgeschaltet: Auswertungen zeigen nur Einheiten, keine einzelnen Personen.",
            mayDecide: access.role.grants(.decidePrivacy),
            logs: logs.map {
                .init(
                    name: $0.name, href: Paths.eventLog($0.id.rawValue),
                    uploaded: "\(Display.dateTime($0.uploadedAt)), \($0.uploadedBy.displayName)",
                    choices: $0.privacy.isEmpty
                        ? ($0.isPseudonymised ? "Bearbeitende pseudonymisiert" : "alle Attribute behalten")
                        : $0.privacy)
            })
        return try pages.page(
            "account/privacy", title: pages.text("Datenschutz", context), section: .none, content: view,
            context: context, snapshot: snapshot,
            notice: request.uri.queryParameters["saved"] != nil ? "Gespeichert." : nil)
    }

    func decide(_ request: Request, _ context: AppRequestContext) async throws -> SeeOther {
        let form = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let snapshot = try await pages.snapshot(context)
        guard let on = ["on": true, "off": false][form[PrivacyField.personLevel]] else {
            throw HTTPError(.unprocessableContent, message: "Bitte ein- oder ausschalten wählen.")
        }
        var map = snapshot.map
        map.settings.personLevelFigures = on
        try await pages.workspace.saveMap(
            map,
            change: MapChange(
                action: on ? "enablePersonLevel" : "disablePersonLevel", object: "privacy:personLevel",
                summary: on
                    ? "Auswertungen über einzelne Personen eingeschaltet"
                    : "Auswertungen über einzelne Personen ausgeschaltet"),
            by: context.author, basedOn: snapshot.mapVersion)
        return SeeOther(location: Paths.privacy + "?saved=1")
    }
}

enum PrivacyField: String, FormField {
    case personLevel = "person-level"
}
