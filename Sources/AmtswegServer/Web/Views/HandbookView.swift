import AmtswegCore
import BPMN
import Foundation
import Mustache

/// The process handbook (Prozesshandbuch) as a document to print: a title block, a table of contents, then one
/// chapter per process with what staff look up — diagram, steps with performers, RACI matrix, Fachverfahren,
/// documents and legal bases, key figures, problem spots, the initiatives touching it, the service's maturity
/// and where the process stands (Ist or Soll, release, FIM reference process).
struct HandbookView {
    /// What a handbook covers.
    enum Scope: Sendable, Hashable {
        case tenant
        case unit(ID<OrgUnit>)
        case process(ID<ProcessModel>)

        /// Part of the key the rendered handbook is kept under.
        var key: String {
            switch self {
            case .tenant: "tenant"
            case .unit(let id): "unit:\(id)"
            case .process(let id): "process:\(id)"
            }
        }
    }

    /// What the handbook is made from besides the snapshot, read from the store before it is rendered.
    struct Sources: Sendable {
        var roadmap: Roadmap
        var maturity: OZGOverview
        var lineage: [ProcessLineage]
        /// Every imported version of every reference process: id → versions, to name a newer master version.
        var masterVersions: [String: [String]]
        var masterNames: [String: String]
    }

    struct Entry: Sendable {
        var number: Int
        var anchor: String
        var name: String
        var unit: String
        var state: String
    }

    struct Chapter: Sendable {
        var number: Int
        var anchor: String
        var name: String
        var facts: [ProcessView.Fact]
        /// The drawing in one part or several (see ``DiagramPart``); none when the process has no diagram.
        var diagramParts: [DiagramPart]
        var steps: [ProcessView.StepEntry]
        var hasStepList: Bool
        var lanes: [ProcessView.Fact]
        var raciColumns: [String]
        var raciRows: [ProcessView.RACIRow]
        var applications: [ProcessView.Fact]
        var documents: [ProcessView.Fact]
        var legalBases: [ProcessView.Fact]
        var figureRows: [TableRow]
        var casesNote: String
        var basisNote: String
        var problems: [ProblemLine]
        var initiatives: [ProcessView.Fact]
        var maturity: [ProcessView.Fact]
        var state: [ProcessView.Fact]
    }

    /// One part of a drawing, as a data URL: the document stands alone, as a file or a PDF, and the drawings'
    /// inner identifiers cannot collide between chapters.
    struct DiagramPart: Sendable {
        var src: String
        var alt: String
        var caption: String?
    }

    var tenant: String
    var scope: String
    var date: String
    var basis: String
    var entries: [Entry]
    var chapters: [Chapter]
    var stylesheet: String
    var lang: String
    var t: MustacheLambda

    /// The processes a scope covers: one, those of a unit and the units below it, or all; ordered by unit and
    /// name so that a unit's processes stand together in the table of contents.
    static func processes(in scope: Scope, snapshot: TenantSnapshot) -> [(ProcessRecord, ProcessModel)] {
        let index = MapIndex(snapshot.map)
        let pairs = snapshot.records.compactMap { record -> (ProcessRecord, ProcessModel)? in
            guard let process = snapshot.process(record.id.rawValue) else { return nil }
            switch scope {
            case .tenant: return (record, process)
            case .process(let id): return record.id == id ? (record, process) : nil
            case .unit(let unit):
                guard let owner = record.ownerUnitID, snapshot.map.unit(owner, isWithin: unit) else { return nil }
                return (record, process)
            }
        }
        // Processes without a responsible unit come last.
        func unitName(_ record: ProcessRecord) -> String { record.ownerUnitID.map(index.unitName) ?? "\u{10FFFF}" }
        return pairs.sorted { a, b in
            (unitName(a.0), a.1.name, a.0.id.rawValue) < (unitName(b.0), b.1.name, b.0.id.rawValue)
        }
    }

    /// Made synchronously from what was read before, so that a caller can keep the result per state of the data.
    init(
        scope: Scope, snapshot: TenantSnapshot, sources: Sources, today: Day, stylesheet: String, language: Language,
        t: MustacheLambda
    ) {
        let map = snapshot.map
        let index = MapIndex(map)
        tenant = map.tenant.name
        switch scope {
        case .tenant: self.scope = "Alle Prozesse der Verwaltung"
        case .unit(let id):
            self.scope = "Prozesse der Organisationseinheit „\(index.unitName(id))“ und der Einheiten darunter"
        case .process(let id): self.scope = "Prozess „\(snapshot.record(id.rawValue)?.name ?? id.rawValue)“"
        }
        date = GermanFormat.date(today)
        basis = "Datengrundlage: " + snapshot.view.basis
        self.stylesheet = stylesheet
        lang = language.rawValue
        self.t = t
        let pairs = Self.processes(in: scope, snapshot: snapshot)
        entries = pairs.enumerated().map { offset, pair in
            Entry(
                number: offset + 1, anchor: "prozess-\(offset + 1)", name: pair.1.name,
                unit: pair.0.ownerUnitID.map(index.unitName) ?? "ohne verantwortliche Einheit",
                state: pair.1.state.label)
        }
        chapters = pairs.enumerated().map { offset, pair in
            Self.chapter(
                number: offset + 1, record: pair.0, process: pair.1, snapshot: snapshot, sources: sources)
        }
    }

    private static func chapter(
        number: Int, record: ProcessRecord, process: ProcessModel, snapshot: TenantSnapshot, sources: Sources
    ) -> Chapter {
        let map = snapshot.map
        let view = ProcessView(record: record, process: process, snapshot: snapshot)
        let catalogue = map.catalogue
        func named<Key: Hashable>(_ keys: (StepDetails) -> [Key]) -> [Key] {
            var seen = Set<Key>()
            return process.steps.flatMap { keys($0.step ?? StepDetails()) }.filter { seen.insert($0).inserted }
        }
        func steps<Key: Hashable>(using key: Key, _ keys: (StepDetails) -> [Key]) -> String {
            process.steps.filter { keys($0.step ?? StepDetails()).contains(key) }.map(\.name).joined(separator: ", ")
        }
        let applications = named(\.applicationIDs).map { id in
            ProcessView.Fact(
                label: catalogue.applications.first { $0.id == id }?.name ?? id.rawValue,
                value: steps(using: id, \.applicationIDs), href: nil)
        }
        let documents = named(\.documentIDs).map { id in
            let document = catalogue.documents.first { $0.id == id }
            return ProcessView.Fact(
                label: document.map { "\($0.name) (\($0.kind.label))" } ?? id.rawValue,
                value: steps(using: id, \.documentIDs), href: nil)
        }
        // The legal bases the steps name, then those the LeiKa entry of the service names.
        var legalBases = named(\.legalBasisIDs).map { id in
            let basis = catalogue.legalBases.first { $0.id == id }
            return ProcessView.Fact(
                label: basis?.citation ?? id.rawValue, value: steps(using: id, \.legalBasisIDs), href: basis?.url)
        }
        let row = sources.maturity.rows.first { $0.service.id == process.serviceID }
        for basis in row?.placement?.entry.legalBases ?? [] {
            legalBases.append(.init(label: basis.name, value: "LeiKa-Eintrag der Leistung", href: basis.url))
        }
        let initiatives = sources.roadmap.initiatives.filter { initiative in
            initiative.processIDs.contains(record.id) || initiative.processPair?.ist == record.id
                || initiative.processPair?.soll == record.id
                || process.serviceID.map(initiative.serviceIDs.contains) == true
        }.map { ProcessView.Fact(label: "\($0.id) \($0.title)", value: $0.status.label, href: nil) }
        return Chapter(
            number: number, anchor: "prozess-\(number)", name: process.name, facts: printable(view.facts),
            diagramParts: diagramParts(of: record, alt: view.diagramAlt), steps: printable(view.steps),
            hasStepList: view.hasStepList,
            lanes: view.lanes, raciColumns: view.raciColumns, raciRows: view.raciRows,
            applications: applications, documents: documents, legalBases: legalBases,
            figureRows: view.figureRows, casesNote: view.casesNote, basisNote: view.basisNote,
            problems: view.problems, initiatives: initiatives,
            maturity: maturity(row),
            state: state(record: record, process: process, snapshot: snapshot, sources: sources))
    }

    /// The print area of a landscape page in CSS pixels, a little less than A4 minus margins holds.
    static let page = (width: 960.0, height: 560.0)

    /// The drawing fitted to the page when its labels stay readable (at 60 % of their size or more); otherwise
    /// cut into parts of about a page each at three quarters of the size, overlapping by 40 pixels, so that a line
    /// leaving one part is seen entering the next. Row by row, left to right, as one reads.
    static func diagramParts(of record: ProcessRecord, alt: String) -> [DiagramPart] {
        guard let model = try? record.read().model,
            let geometry = DiagramGeometry(BPMNLayout.withDiagram(model), diagram: 0)
        else { return [] }
        func url(_ svg: String) -> String { "data:image/svg+xml;base64," + Data(svg.utf8).base64EncodedString() }
        let margin = 20.0, overlap = 40.0
        let extent = geometry.extent
        let whole = Bounds(
            x: extent.x - margin, y: extent.y - margin, width: extent.width + 2 * margin,
            height: extent.height + 2 * margin)
        guard min(page.width / whole.width, page.height / whole.height) < 0.6 else {
            return [DiagramPart(src: url(SVGRenderer.render(geometry)), alt: alt, caption: nil)]
        }
        let columns = Int((whole.width * 0.75 / page.width).rounded(.up))
        let rows = Int((whole.height * 0.75 / page.height).rounded(.up))
        let width = whole.width / Double(columns) + (columns > 1 ? overlap : 0)
        let height = whole.height / Double(rows) + (rows > 1 ? overlap : 0)
        var windows: [Bounds] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let x = whole.x + Double(column) * whole.width / Double(columns) - overlap / 2
                let y = whole.y + Double(row) * whole.height / Double(rows) - overlap / 2
                windows.append(
                    Bounds(
                        x: min(max(x, whole.x), whole.x + whole.width - width),
                        y: min(max(y, whole.y), whole.y + whole.height - height), width: width, height: height))
            }
        }
        let count = windows.count
        return zip(SVGRenderer.render(geometry, windows: windows), windows.indices).map { svg, index in
            let place = rows > 1 ? ", Zeile \(index / columns + 1), Spalte \(index % columns + 1)" : ""
            let caption = "Teil \(index + 1) von \(count)\(place)"
            return DiagramPart(
                src: url(svg), alt: index == 0 ? alt + " " + caption + "." : caption + " des Diagramms.",
                caption: caption)
        }
    }

    /// The facts without links into the application: a printed page cannot follow them.
    private static func printable(_ facts: [ProcessView.Fact]) -> [ProcessView.Fact] {
        facts.map { .init(label: $0.label, value: $0.value, href: nil) }
    }

    /// The step list without the controls of the process page.
    private static func printable(_ entries: [ProcessView.StepEntry]) -> [ProcessView.StepEntry] {
        entries.map { entry in
            var entry = entry
            entry.editHref = nil
            entry.proposeHref = nil
            entry.commentSlot = nil
            entry.branches = entry.branches.map { .init(label: $0.label, entries: printable($0.entries)) }
            return entry
        }
    }

    private static func maturity(_ row: OZGOverview.Row?) -> [ProcessView.Fact] {
        guard let row else { return [.init(label: "Reifegrad", value: "keiner Leistung zugeordnet", href: nil)] }
        var facts: [ProcessView.Fact] = []
        if let placement = row.placement {
            facts.append(
                .init(
                    label: "OZG-Leistung",
                    value: placement.service.map { "\($0.name) (OZG-ID \($0.id))" } ?? "keiner zugeordnet", href: nil))
            if let topic = placement.topic { facts.append(.init(label: "Themenfeld", value: topic.name, href: nil)) }
        } else {
            facts.append(.init(label: "OZG-Katalog", value: "LeiKa-Schlüssel nicht im Katalog", href: nil))
        }
        facts.append(
            .init(label: "Reifegrad", value: OZGPages.levelText(row.currentLevel, model: row.model), href: nil))
        facts.append(
            .init(label: "Ziel-Reifegrad", value: OZGPages.levelText(row.targetLevel, model: row.model), href: nil))
        facts.append(
            .init(
                label: "Bewertet",
                value: row.assessment.map { "am \(GermanFormat.date($0.assessedOn)) von \($0.assessedBy)" }
                    ?? "noch nie", href: nil))
        return facts
    }

    private static func state(
        record: ProcessRecord, process: ProcessModel, snapshot: TenantSnapshot, sources: Sources
    ) -> [ProcessView.Fact] {
        // Ist or Soll is among the chapter's facts, with the process it compares to.
        var facts: [ProcessView.Fact] = []
        if let status = snapshot.statuses[record.id] {
            facts.append(
                .init(
                    label: "Freigabe",
                    value: status.released.map { "Fassung \($0) freigegeben" } ?? "noch keine Fassung freigegeben",
                    href: nil))
        }
        if let lineage = sources.lineage.first(where: { $0.processID == record.id }) {
            let name = sources.masterNames[lineage.masterID].map { " „\($0)“" } ?? ""
            facts.append(
                .init(
                    label: "Referenzprozess (FIM)",
                    value: "\(lineage.masterID)\(name), Fassung \(lineage.masterVersion)", href: nil))
            let newer = (sources.masterVersions[lineage.masterID] ?? []).filter {
                ReferenceProcess.versionOrder(lineage.masterVersion, $0)
            }
            if let newest = newer.max(by: ReferenceProcess.versionOrder) {
                facts.append(.init(label: "Neuere Fassung des Referenzprozesses", value: newest, href: nil))
            }
        } else {
            facts.append(.init(label: "Referenzprozess (FIM)", value: "keiner", href: nil))
        }
        return facts
    }
}
