public import AmtswegStore
public import AmtswegCore
import AmtswegDemo
import Foundation
import ProcessBPMN
import ProcessMining

/// Writes the demo municipality Musterstadt — map, processes, roadmap and its earlier measurement points, an
/// event log of its trade registration, its staff's comments on two processes, the review history that puts
/// processes in every review state, two workshop rounds (one finished, one running), and an excerpt of the OZG
/// catalogue with the services' maturity assessments — into a store.
/// `amtsweg serve --demo` and `amtsweg demo` both use it, so both show the same town.
public enum DemoLoader {
    /// `passwordCost` is the demo accounts' bcrypt cost (tests lower it, as they do for every password).
    public static func write(into store: any Store, passwordCost: UInt8 = Secrets.defaultCost) async throws {
        let contents = contents()
        try await store.saveTenant(contents, by: .local)
        try await store.saveEventLog(
            try eventLog(minutesPerWorkingDay: contents.map.settings.hoursPerWorkingDay * 60),
            of: contents.map.tenant.id, by: .local)
        for comment in Musterstadt.comments() { try await store.addComment(comment, of: contents.map.tenant.id) }
        for proposal in Musterstadt.proposals() { try await store.addProposal(proposal, of: contents.map.tenant.id) }
        try await writeReviewHistory(into: store, map: contents.map)
        try await writeWorkshopRounds(into: store, tenant: contents.map.tenant.id)
        try await writeOrganisationDraft(into: store, tenant: contents.map.tenant.id)
        try await writeAccounts(into: store, tenant: contents.map.tenant.id, cost: passwordCost)
        try await store.importOZGCatalogue(Musterstadt.ozgCatalogue(), into: contents.map.tenant.id, by: .local)
        try await store.saveMaturityModel(Musterstadt.maturityModel(), of: contents.map.tenant.id, by: .local)
        for assessment in Musterstadt.maturityAssessments() {
            try await store.recordMaturityAssessment(assessment, of: contents.map.tenant.id, by: .local)
        }
        try await writeReferenceProcess(into: store, tenant: contents.map.tenant.id)
    }

    /// An example reference process for the dog tax (made for the demo from the released version of Musterstadt's
    /// own model, not a real FIM Stammprozess) in two versions; the dog-tax process is linked to the first, so
    /// its lineage page shows what the draft changes since and what the newer master version changes.
    static func writeReferenceProcess(into store: any Store, tenant: ID<Tenant>) async throws {
        // Made from the released version: readers may see what the master holds.
        let versions = try await store.versions(of: "hundesteuer-ist", in: tenant)
        guard let first = versions.first(where: { $0.release == .released }) ?? versions.first else { return }
        let name = "Hundesteuer festsetzen (Beispiel-Referenzprozess der Demo)"
        let author = Author(id: "demo-fim", displayName: "Miriam Aydın (Prozessmanagement)")
        let masters = [
            ("01.00.00", first.record.bpmn),
            (
                "01.01.00",
                first.record.bpmn.replacingOccurrences(
                    of: "Steuermarke versenden", with: "Steuermarke mit dem Bescheid versenden")
            ),
        ]
        for (version, bpmn) in masters {
            let message = FIMLibrary.message(id: "99102013000000", version: version, name: name, bpmn: Data(bpmn.utf8))
            try await store.importReferenceProcess(
                ReferenceProcess(
                    id: "99102013000000", version: version, name: name, bpmn: bpmn, message: message,
                    importedAt: Date(timeIntervalSince1970: 1_796_000_000), importedBy: author),
                of: tenant, by: author)
        }
        try await store.linkProcess(
            ProcessLineage(
                processID: "hundesteuer-ist", masterID: "99102013000000", masterVersion: "01.00.00",
                derivedAt: Date(timeIntervalSince1970: 1_796_000_000), derivedBy: author),
            of: tenant, by: author)
    }

    /// The demo accounts that can still sign in with the published demo password: a server others can reach
    /// must not start while there are any (``Musterstadt/demoPassword`` is on the sign-in page).
    public static func accountsWithDemoPassword(in store: any Store) async throws -> [String] {
        var open: [String] = []
        for demo in Musterstadt.demoAccounts {
            guard let account = try await store.account(named: demo.name), !account.isDisabled,
                let credentials = try await store.credentials(of: account.id),
                try await Secrets.verify(password: Musterstadt.demoPassword, hash: credentials.passwordHash)
            else { continue }
            open.append(demo.name)
        }
        return open
    }

    /// One account per role (``Musterstadt/demoAccounts``), all with ``Musterstadt/demoPassword``.
    static func writeAccounts(into store: any Store, tenant: ID<Tenant>, cost: UInt8) async throws {
        let hash = try await Secrets.hash(password: Musterstadt.demoPassword, cost: cost)
        for demo in Musterstadt.demoAccounts {
            let account = Account(id: ID(demo.name), name: demo.name, displayName: demo.displayName, createdAt: Date())
            try await store.createAccount(
                account, passwordHash: hash,
                memberships: [
                    Membership(accountID: account.id, tenantID: tenant, role: demo.role, unitID: demo.unitID)
                ],
                by: .local)
        }
    }

    /// ``Musterstadt/reviewHistory()`` as versions and review steps; a reviewer's comment becomes a comment on
    /// the process, as when it is written on the page.
    static func writeReviewHistory(into store: any Store, map: TenantMap) async throws {
        let tenant = map.tenant.id
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        for (index, event) in Musterstadt.reviewHistory().enumerated() {
            switch event {
            case .save(let process, let author, let comment):
                try await store.saveProcess(
                    ProcessRecord(captured: process, map: map), of: tenant, by: author, comment: comment, basedOn: nil)
            case .review(let action, let process, let author, let comment):
                try await store.changeRelease(action, of: process, in: tenant, by: author, comment: comment)
                guard !comment.isEmpty else { continue }
                try await store.addComment(
                    Comment(
                        id: ID("demo-review-\(index)"), subject: .process(process), author: author,
                        text: "\(action.noteHeading): \(comment)",
                        writtenAt: start.addingTimeInterval(Double(index) * 3_600)),
                    of: tenant)
            }
        }
    }

    /// ``Musterstadt/workshopRounds(today:)`` as the facilitator and the units would have written them: each round
    /// opened, answered, decided answer by answer (accepted changes land in the map), the finished one closed.
    static func writeWorkshopRounds(into store: any Store, tenant: ID<Tenant>) async throws {
        for demo in Musterstadt.workshopRounds(today: Day(Date())) {
            try await store.openWorkshopRound(demo.round, of: tenant)
            for answer in demo.answers { try await store.saveWorkshopAnswer(answer, of: tenant) }
            for (answer, decision) in demo.decisions {
                try await store.decideWorkshopAnswer(answer, decision, of: tenant, by: Musterstadt.facilitator)
            }
            if let closedOn = demo.closedOn {
                try await store.closeWorkshopRound(demo.round.id, on: closedOn, of: tenant, by: Musterstadt.facilitator)
                // What the finished round changed is reviewed and released as the organisation's new version.
                try await store.changeMapRelease(.submit, of: tenant, by: Musterstadt.facilitator, comment: "")
                try await store.changeMapRelease(.release, of: tenant, by: Musterstadt.facilitator, comment: "")
            }
        }
    }

    /// ``Musterstadt/organisationDraft(of:)`` saved on top of the released organisation: readers do not see it.
    static func writeOrganisationDraft(into store: any Store, tenant: ID<Tenant>) async throws {
        let (map, summary, author) = Musterstadt.organisationDraft(of: try await store.loadMap(of: tenant))
        try await store.saveMap(
            map, change: MapChange(action: "createDuty", object: "task:aufgabe-tiefbau-baustellen", summary: summary),
            by: author)
    }

    /// Musterstadt whole, in one piece, so it lands in one transaction.
    public static func contents() -> TenantContents {
        let map = Musterstadt.map()
        let roadmap = Musterstadt.roadmap(for: map)
        return TenantContents(
            map: map, processes: Musterstadt.processRecords(for: map), roadmap: roadmap,
            measurements: Musterstadt.measurementHistory(for: roadmap, map: map))
    }

    /// The trade registration's log (``Musterstadt/gewerbeLog(cases:minutesPerWorkingDay:)``), attached to its
    /// process, so the process page shows estimated and measured times side by side. Its resources are
    /// positions, not people.
    static func eventLog(minutesPerWorkingDay: Double) throws -> EventLogRecord {
        var builder = EventLogBuilder()
        for event in Musterstadt.gewerbeLog(minutesPerWorkingDay: minutesPerWorkingDay) {
            builder.addEvent(
                case: builder.addCase(event.caseID), activity: event.activity,
                timestamp: Int64((event.time * 1000).rounded()),
                resource: event.resource.isEmpty ? nil : event.resource,
                lifecycle: event.isStart ? .start : .complete)
        }
        let log = builder.build()
        let fileName = "gewerbe-fachverfahren-2026.xes.gz"
        return EventLogRecord(
            id: "gewerbe-2026", name: "Gewerbeanzeigen September bis Dezember 2026 (Fachverfahren)", fileName: fileName,
            uploadedAt: Date(timeIntervalSince1970: 1_796_256_000), uploadedBy: .local, caseCount: log.caseCount,
            eventCount: log.eventCount, isPseudonymised: true, processID: "gewerbe-anmeldung-ist",
            xesGzip: try XESWriter.writeCompressed(log, file: fileName),
            privacy: "Bearbeitende als Stellen, nicht als Personen")
    }
}
