import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// The audit log of the tenant for Administration and Personalrat/Datenschutz: who did what to which object,
/// with filters, and as CSV. Exporting it is itself an entry.
struct AuditPage: Sendable {
    let pages: Pages

    /// The newest entries a page shows; the CSV holds up to the export limit.
    static let pageLimit = 500
    static let exportLimit = 100_000

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.audit, .readAudit) { request, context in try await show(request, context) }
        routes.get(Paths.auditCSV, .readAudit) { request, context in try await csv(request, context) }
    }

    struct Filter: Sendable {
        var person: String
        var action: String
        var object: String
        var since: String

        init(_ request: Request) {
            let query = request.uri.queryParameters
            func value(_ key: String) -> String { String((query[key[...]].map(String.init) ?? "").prefix(200)) }
            person = value("person")
            action = value("action")
            object = value("object")
            since = value("since")
        }

        var sinceDate: Date? {
            guard since.count == 10 else { return nil }
            return try? Date(since + "T00:00:00Z", strategy: .iso8601)
        }

        var isActive: Bool { !(person + action + object + since).isEmpty }

        func matches(_ record: ChangeRecord) -> Bool {
            (person.isEmpty || record.author.displayName.localizedCaseInsensitiveContains(person)
                || record.author.id.localizedCaseInsensitiveContains(person))
                && (action.isEmpty || record.action == action)
                && (object.isEmpty || record.object.localizedCaseInsensitiveContains(object)
                    || record.summary.localizedCaseInsensitiveContains(object))
        }

        var query: String {
            [("person", person), ("action", action), ("object", object), ("since", since)]
                .filter { !$0.1.isEmpty }.map { "\($0.0)=\(Paths.escape($0.1))" }.joined(separator: "&")
        }
    }

    struct View: Sendable {
        struct Line: Sendable {
            var at: String
            var person: String
            var action: String
            var object: String
            var summary: String
        }
        var person: String
        var object: String
        var since: String
        var actions: [SelectOption]
        var lines: [Line]
        var count: String
        var csvHref: String
        var isFiltered: Bool
    }

    func entries(_ context: AppRequestContext, _ filter: Filter, limit: Int) async throws -> [ChangeRecord] {
        let access = try context.requireAccess()
        return try await pages.workspace.accounts.auditLog(of: access.tenantID, since: filter.sinceDate, limit: limit)
            .map { Self.masked($0, for: access.role) }.filter(filter.matches)
    }

    /// Who wrote or withdrew an anonymous proposal is for Personalrat/Datenschutz alone: everyone else reading
    /// the log sees "anonym" — before filtering, so a search by name does not find the entry either.
    static func masked(_ record: ChangeRecord, for role: AccessRole) -> ChangeRecord {
        guard role != .staffCouncil, AnonymousProposalAction.all.contains(record.action) else { return record }
        var masked = record
        masked.author = Author(id: "anonym", displayName: "anonym")
        return masked
    }

    func show(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let filter = Filter(request)
        let records = try await entries(context, filter, limit: Self.pageLimit)
        let actions = Set(
            try await pages.workspace.accounts.auditLog(of: snapshot.map.tenant.id, since: nil, limit: Self.pageLimit)
                .map(\.action)
        ).union(filter.action.isEmpty ? [] : [filter.action]).sorted()
        let view = View(
            person: filter.person, object: filter.object, since: filter.since,
            actions: actions.map { .init(value: $0, label: $0, isSelected: $0 == filter.action) },
            lines: records.map {
                .init(
                    at: Display.dateTime($0.at), person: $0.author.displayName, action: $0.action, object: $0.object,
                    summary: $0.summary)
            }, count: Display.integer(records.count),
            csvHref: Paths.auditCSV + (filter.query.isEmpty ? "" : "?" + filter.query), isFiltered: filter.isActive)
        return try pages.page(
            "account/audit", title: pages.text("Protokoll", context), section: .none, content: view, context: context,
            snapshot: snapshot)
    }

    func csv(_ request: Request, _ context: AppRequestContext) async throws -> FileResponse {
        let access = try context.requireAccess()
        let filter = Filter(request)
        let records = try await entries(context, filter, limit: Self.exportLimit)
        try await pages.workspace.accounts.audit(
            ChangeRecord(
                tenantID: access.tenantID, at: Date(), author: access.author, action: "exportAudit",
                summary: "Protokoll als CSV exportiert (\(records.count) Einträge)", object: "audit"))
        var text = "Zeitpunkt;Person;Kennung;Aktion;Objekt;Beschreibung\r\n"
        for record in records {
            text +=
                [
                    record.at.formatted(.iso8601), record.author.displayName, record.author.id, record.action,
                    record.object, record.summary,
                ].map(CSVText.field).joined(separator: ";") + "\r\n"
        }
        return FileResponse(body: text, contentType: "text/csv; charset=utf-8", fileName: "protokoll.csv")
    }
}
