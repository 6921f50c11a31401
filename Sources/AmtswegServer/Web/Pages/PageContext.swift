import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird
import Synchronization

/// What every page handler needs: the renderer, the workspace, and the tenant's snapshot for the request.
struct Pages: Sendable {
    let renderer: PageRenderer
    let workspace: Workspace
    let logs: EventLogLibrary
    let configuration: ServerConfiguration
    /// Uploaded logs waiting for the privacy choice per attribute.
    let pendingUploads = PendingUploads()

    /// The tenant's snapshot; a store without any tenant gets a page that says how to fill it.
    func snapshot(_ context: AppRequestContext) async throws -> TenantSnapshot {
        guard let tenant = context.tenantID else {
            throw HTTPError(
                .notFound,
                message:
                    "Die Datenbank enthält noch keine Kommune. Mit „amtsweg serve --demo“ starten oder eine Kommune importieren."
            )
        }
        return try await workspace.snapshot(of: tenant, view: .for(context.access?.role))
    }

    /// Records in the audit log what a request did that changes nothing stored: an export, a download.
    func audit(_ action: String, object: String, summary: String, _ context: AppRequestContext) async throws {
        guard let tenant = context.tenantID else { return }
        try await workspace.accounts.audit(
            ChangeRecord(
                tenantID: tenant, at: Date(), author: context.author, action: action, summary: summary, object: object))
    }

    /// A word or sentence of the catalogue in the visitor's language.
    func text(_ german: String, _ context: AppRequestContext) -> String {
        renderer.translations.text(german, in: context.language)
    }

    func page<Content: Sendable>(
        _ template: String, title: String, section: Section, content: Content, context: AppRequestContext,
        snapshot: TenantSnapshot, status: HTTPResponse.Status = .ok, notice: String? = nil
    ) throws -> HTMLResponse {
        // Every page made from the tenant's data says which state of the processes it used.
        try renderer.page(
            template, title: title, section: section, content: content, context: context,
            tenantName: snapshot.map.tenant.name, status: status, notice: notice,
            basis: "Datengrundlage: " + snapshot.view.basis)
    }

    /// A page that depends only on the tenant's data, the person and the request's URL, rendered once per
    /// snapshot and language and then served from memory until the tenant's data changes: the phase overviews
    /// compute whole analyses, and Mustache's reflection costs milliseconds per large page. `areas`: what the page
    /// shows besides the model (all areas unless the caller knows it shows fewer), `subject`: of those only what
    /// concerns it (see ``Workspace``).
    ///
    /// Forms carry the visitor's token against cross-site requests; the kept page has a placeholder in its
    /// place (random per process, so no stored text can contain it), and each visitor gets their own token
    /// put in. `content` receives the token to write into forms.
    func cachedPage<Content: Sendable>(
        _ request: Request, _ template: String, title: String, section: Section, context: AppRequestContext,
        snapshot: TenantSnapshot, notice: String? = nil, variant: String = "",
        areas: Set<Workspace.Area> = Workspace.keptAreas, about subject: String? = nil,
        content: @escaping @Sendable (_ csrf: String) throws -> Content
    ) async throws -> HTMLResponse {
        var shared = context
        shared.csrfToken = Self.tokenPlaceholder
        let parts = try await workspace.derived(
            snapshot.map.tenant.id, Self.pageKey(request, context, notice: notice, variant: variant),
            areas: areas.union([.model]), about: subject
        ) { [shared] () throws -> [ByteBuffer] in
            try page(
                template, title: title, section: section, content: content(Self.tokenPlaceholder), context: shared,
                snapshot: snapshot, notice: notice
            ).html.byteParts(separatedBy: Self.tokenPlaceholder)
        }
        return Self.withToken(parts, context.csrfToken)
    }

    /// A kept page in two layers (Rails calls it Russian-doll caching): a frame made from `areas`, kept until they
    /// change, with slots where the pieces made from `pieceAreas` go — what changes more often. After a write to
    /// `pieceAreas` about `subject` only the pieces are made anew and put into the kept frame: a process page with a
    /// hundred comments took 8 ms to render whole after each comment on it (the cluster benchmark comments all the
    /// time), its comments alone a fraction of that.
    ///
    /// `content` receives the form token and the marker of a slot by its name (``slotMarker(_:)``, put into the page
    /// unescaped); `pieces` the token, the names of the frame's slots in order and the items the pieces were last
    /// made of (``PieceItems``), and returns the HTML of those it fills — in the visitor's language; a slot it leaves
    /// out stays empty.
    ///
    /// `piecesVersion` names what the pieces are made from (a hash of it), asked only when the page is made: when
    /// the pieces were last made from the same for this frame, they are put in as they were. A write is often heard
    /// of twice — by the instance that made it, and again from the change feed — and a long discussion took
    /// milliseconds to render for nothing the second time.
    func cachedPage<Content: Sendable>(
        _ request: Request, _ template: String, title: String, section: Section, context: AppRequestContext,
        snapshot: TenantSnapshot, notice: String? = nil, variant: String = "", areas: Set<Workspace.Area>,
        pieceAreas: Set<Workspace.Area>, about subject: String? = nil,
        piecesVersion: (@Sendable () -> Int)? = nil,
        content: @escaping @Sendable (_ csrf: String, _ slot: (String) -> String) throws -> Content,
        pieces:
            @escaping @Sendable (_ csrf: String, _ slots: [String], _ items: PieceItems) async throws -> [String:
            String]
    ) async throws -> HTMLResponse {
        var shared = context
        shared.csrfToken = Self.tokenPlaceholder
        let tenant = snapshot.map.tenant.id
        let key = Self.pageKey(request, context, notice: notice, variant: variant)
        let parts = try await workspace.derived(
            tenant, key, areas: areas.union(pieceAreas).union([.model]), about: subject
        ) { [workspace, shared] () async throws -> [ByteBuffer] in
            let frame = try await workspace.derived(
                tenant, key + "|frame", areas: areas.union([.model]), about: subject
            ) {
                PageFrame(
                    try page(
                        template, title: title, section: section,
                        content: content(Self.tokenPlaceholder, Self.slotMarker), context: shared, snapshot: snapshot,
                        notice: notice
                    ).html)
            }
            guard let version = piecesVersion?() else {
                return frame.filled(with: try await pieces(Self.tokenPlaceholder, frame.slots, PieceItems()))
                    .byteParts(separatedBy: Self.tokenPlaceholder)
            }
            // Kept with the frame, so dropped with it.
            let made = try await workspace.derived(
                tenant, key + "|pieces", areas: areas.union([.model]), about: subject
            ) { KeptPieces() }
            let filled: [String: String]
            if let kept = made.pieces(ifMadeFrom: version) {
                filled = kept
            } else {
                let items = PieceItems(kept: made.items)
                filled = try await pieces(Self.tokenPlaceholder, frame.slots, items)
                made.keep(filled, items: items.used, madeFrom: version)
            }
            return frame.filled(with: filled).byteParts(separatedBy: Self.tokenPlaceholder)
        }
        return Self.withToken(parts, context.csrfToken)
    }

    /// Where a slot of a two-layer page goes (``cachedPage(_:_:title:section:context:snapshot:notice:variant:areas:pieceAreas:about:piecesVersion:content:pieces:)``):
    /// random per process like the token's placeholder, and ended by a control character no page text holds.
    static func slotMarker(_ name: String) -> String {
        slotPrefix + String(name.unicodeScalars.filter { $0 != "\u{1}" }.map(Character.init)) + "\u{1}"
    }

    static let slotPrefix = "\u{1}slot-" + UUID().uuidString + ":"

    /// The page ``cachedPage(_:_:title:section:context:snapshot:notice:variant:content:)`` keeps for this request,
    /// if it is kept — for handlers that would otherwise load and analyse before they get to ask.
    func keptPage(
        _ request: Request, _ context: AppRequestContext, tenant: ID<Tenant>, notice: String? = nil,
        variant: String = ""
    ) -> HTMLResponse? {
        workspace.keptValue(
            tenant, Self.pageKey(request, context, notice: notice, variant: variant), as: [ByteBuffer].self
        )
        .map { Self.withToken($0, context.csrfToken) }
    }

    /// Pages differ by person (edit controls, the account link), so the person is part of the key; `variant`
    /// names what else the page depends on besides the data (the day, for the roadmap).
    private static func pageKey(_ request: Request, _ context: AppRequestContext, notice: String?, variant: String)
        -> String
    {
        let person = context.access?.pageKey ?? "anonymous"
        return
            "page|\(person)|\(context.language.rawValue)|\(notice ?? "")|\(variant)|\(request.uri.path)?\(request.uri.query ?? "")"
    }

    /// The kept bytes with the visitor's token between them: one copy, no text processing on a hit; a page
    /// without a form goes out as kept.
    private static func withToken(_ parts: [ByteBuffer], _ token: String) -> HTMLResponse {
        var page: HTMLResponse
        if parts.count == 1 {
            page = HTMLResponse(body: parts[0])
        } else {
            var body = ByteBuffer()
            body.reserveCapacity(parts.reduce(0) { $0 + $1.readableBytes } + (parts.count - 1) * token.utf8.count)
            for (index, part) in parts.enumerated() {
                if index > 0 { body.writeString(token) }
                body.writeImmutableBuffer(part)
            }
            page = HTMLResponse(body: body)
        }
        // Made from the kept views and the visitor's token only.
        page.isReplayable = true
        return page
    }

    static let tokenPlaceholder = "csrf-placeholder-" + UUID().uuidString
}

/// The pieces of a two-layer page as last made, with the version of what they were made from
/// (``Pages/cachedPage(_:_:title:section:context:snapshot:notice:variant:areas:pieceAreas:about:piecesVersion:content:pieces:)``),
/// and the items they were made of (``PieceItems``).
final class KeptPieces: Sendable {
    private let last = Mutex<(version: Int, pieces: [String: String], items: [Int: String])?>(nil)

    func pieces(ifMadeFrom version: Int) -> [String: String]? {
        last.withLock { $0?.version == version ? $0?.pieces : nil }
    }

    /// The items the pieces were last made of, by their versions.
    var items: [Int: String] { last.withLock { $0?.items ?? [:] } }

    func keep(_ pieces: [String: String], items: [Int: String], madeFrom version: Int) {
        last.withLock { $0 = (version, pieces, items) }
    }
}

/// The items a two-layer page's pieces are made of — a comment thread's HTML — by the version of what each is made
/// from (a hash), as made the last time: pieces made anew after one new comment render its thread, and take the
/// others as they were. A process page's twenty threads took a tenth of the cluster benchmark's time to render
/// again after every comment. Only the items used this time are kept for the next.
final class PieceItems: Sendable {
    private let state: Mutex<(kept: [Int: String], used: [Int: String])>

    init(kept: [Int: String] = [:]) { state = Mutex((kept, [:])) }

    /// The item made from `version`: as made last time, or made now by `make`.
    func item(_ version: Int, make: () throws -> String) rethrows -> String {
        let found = state.withLock { state -> String? in
            guard let html = state.used[version] ?? state.kept[version] else { return nil }
            state.used[version] = html
            return html
        }
        if let found { return found }
        let made = try make()
        state.withLock { $0.used[version] = made }
        return made
    }

    /// The items used since this was made from the kept ones.
    var used: [Int: String] { state.withLock { $0.used } }
}

/// A rendered page cut at its slots' markers (``Pages/slotMarker(_:)``): the text around them, and their names in
/// order.
struct PageFrame: Sendable {
    /// One more than there are slots: the text before the first, between each two, after the last.
    var texts: [String]
    var slots: [String]

    init(_ html: String) {
        let parts = html.byteParts(separatedBy: Pages.slotPrefix)
        texts = [String(buffer: parts[0])]
        slots = []
        for part in parts.dropFirst() {
            let end = part.readableBytesView.firstIndex(of: 1) ?? part.writerIndex
            slots.append(part.getString(at: part.readerIndex, length: end - part.readerIndex) ?? "")
            let rest = min(end + 1, part.writerIndex)
            texts.append(part.getString(at: rest, length: part.writerIndex - rest) ?? "")
        }
    }

    /// The page with `pieces` in their slots; slots without a piece left empty.
    func filled(with pieces: [String: String]) -> String {
        var page = texts[0]
        page.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count } + pieces.values.reduce(0) { $0 + $1.utf8.count })
        for (index, slot) in slots.enumerated() {
            page += pieces[slot] ?? ""
            page += texts[index + 1]
        }
        return page
    }
}

extension String {
    /// The text's UTF-8 bytes cut at each occurrence of `separator` (which is left out): a plain byte search, as
    /// the kept pages need it — Foundation's `components(separatedBy:)` compares as Unicode and cost more than
    /// rendering a small page.
    func byteParts(separatedBy separator: String) -> [ByteBuffer] {
        let marker = Array(separator.utf8)
        var text = self
        return text.withUTF8 { bytes in
            var parts: [ByteBuffer] = []
            var start = 0
            var index = 0
            while index + marker.count <= bytes.count {
                if bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) {
                    parts.append(ByteBuffer(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index])))
                    index += marker.count
                    start = index
                } else {
                    index += 1
                }
            }
            parts.append(ByteBuffer(bytes: UnsafeBufferPointer(rebasing: bytes[start...])))
            return parts
        }
    }
}

/// Display helpers shared by the view models: German numbers and links to objects.
enum Display {
    /// The text cut to at most `length` characters, ending in "…" when cut: for chart labels and option lists.
    static func clipped(_ text: String, to length: Int) -> String {
        text.count > length ? String(text.prefix(length - 1)) + "…" : text
    }

    static func integer(_ value: Int) -> String { GermanFormat.integer(value) }
    static func decimal(_ value: Double, digits: Int = 1) -> String { GermanFormat.decimal(value, digits: digits) }
    static func percent(_ share: Double) -> String { GermanFormat.percent(share) }

    /// Working minutes as "45 min", "3,5 h" or "2,1 Arbeitstage", whichever reads best; a working day has the
    /// tenant's hours (`ProcessSettings.hoursPerWorkingDay`), so every caller passes them.
    static func duration(minutes: Double, hoursPerDay: Double) -> String {
        let day = 60 * max(hoursPerDay, 0.1)
        if minutes < 90 { return decimal(minutes, digits: 0) + " min" }
        if minutes < 2 * day { return decimal(minutes / 60) + " h" }
        return decimal(minutes / day) + " Arbeitstage"
    }

    /// Elapsed calendar time of an event log (seconds between timestamps, nights and weekends included) as
    /// "40 min", "5,5 h" or "3,2 Kalendertage".
    static func calendarDuration(seconds: Double) -> String {
        GermanFormat.elapsed(seconds: seconds, days: "Kalendertage")
    }

    /// A moment as "03.12.2026, 14:05 UTC".
    static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(two(c.day)).\(two(c.month)).\(c.year ?? 0), \(two(c.hour)):\(two(c.minute)) UTC"
    }

    /// The page for any object a problem spot or search result links to.
    static func href(_ link: ObjectLink) -> String {
        switch link.kind {
        case .process: Paths.process(link.id)
        case .step: Paths.process(link.processID ?? "") + "#step-" + Paths.escape(link.id)
        case .unit: Paths.unit(link.id)
        case .service: Paths.services + "#service-" + Paths.escape(link.id)
        case .flow: Paths.flowInList(link.id)
        case .position: Paths.map + "#position-" + Paths.escape(link.id)
        case .task: Paths.map + "#task-" + Paths.escape(link.id)
        case .application, .document, .legalBasis, .skill:
            Paths.catalogue + "#" + link.kind.rawValue + "-" + Paths.escape(link.id)
        default: Paths.search + "?q=" + Paths.escape(link.name)
        }
    }
}

extension CharacterSet {
    /// RFC 3986's unreserved characters, ASCII only.
    static let urlPathSegmentAllowed = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
