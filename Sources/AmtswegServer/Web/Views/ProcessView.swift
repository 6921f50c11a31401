import AmtswegCore
import MinedProcesses
import Foundation

/// One process page: facts, diagram, key figures, the step list (the diagram's text equivalent, and the
/// step editor's entry), the RACI matrix, what the steps use, and the problem spots.
struct ProcessView: Sendable {
    struct Fact: Sendable {
        var label: String
        var value: String
        var href: String?
    }
    struct StepEntry: Sendable {
        var number: String
        var id: String
        var name: String
        var facts: String
        var editHref: String?
        /// A choice, parallel work or a going-back, with its branches.
        var isBlock: Bool
        var blockTitle: String
        var branches: [Branch]
        /// Where the comments on this step go, beside it (``ProcessCommentsView``).
        var commentSlot: String?
        /// Where to propose an improvement of this step; only for those who may.
        var proposeHref: String?
    }
    struct Branch: Sendable {
        var label: String
        var entries: [StepEntry]
    }
    struct RACIRow: Sendable {
        var step: String
        var cells: [String]
        var isComplete: Bool
    }
    struct UseLine: Sendable {
        var kind: String
        var name: String
        var steps: String
    }

    var id: String
    var name: String
    var facts: [Fact]
    var diagramHref: String
    var diagramAlt: String
    var downloadHref: String
    /// This process's chapter of the process handbook, to print.
    var handbookHref: String
    var figureRows: [TableRow]
    var casesNote: String
    var steps: [StepEntry]
    var hasStepList: Bool
    var stepCount: Int
    var isEditable: Bool
    var editHref: String
    var raciColumns: [String]
    var raciRows: [RACIRow]
    var uses: [UseLine]
    var problems: [ProblemLine]
    var lanes: [Fact]
    var compareHref: String?
    /// Estimated beside measured times, where an event log is attached to the process.
    var times: TimeComparisonView?
    /// Which times the key figures rest on.
    var basisNote: String
    /// Where the comments on the process as a whole go; those on a step go with the step (``StepEntry/commentSlot``).
    var commentSlot = ""
    /// The comment form, for those who may comment: where it posts, and what a comment can be about.
    var commentAction: String?
    var commentSubjects: [Fact] = []
    /// Whom a new comment may name: a unit or a member of the tenant.
    var mentionOptions: [SelectOption] = []
    /// The visitor's form token (the kept page's placeholder).
    var csrf = ""
    /// Version and review; set by the page (it depends on who looks).
    var release: ReleasePanelView?

    /// The places of the process's comments — in the comments section, or beside their step — marked by `slot`
    /// (the comments themselves are filled in there: ``ProcessCommentsView``), and the forms for those who may
    /// comment (`mayComment`). `people` are the tenant's members a comment may name, by account; units come from
    /// the map.
    mutating func placeComments(
        mayComment: Bool, map: TenantMap, people: [(ID<Account>, String)] = [], slot: (String) -> String
    ) {
        let action = mayComment ? Paths.processComments(id) : nil
        let processID = ID<ProcessModel>(id)
        commentSlot = slot(ProcessCommentsView.processSlot)
        func place(_ entries: inout [StepEntry]) {
            for index in entries.indices {
                if !entries[index].id.isEmpty {
                    let subject = CommentSubject.step(process: processID, step: entries[index].id)
                    entries[index].commentSlot = slot(ProcessCommentsView.slot(ofStep: entries[index].id))
                    entries[index].proposeHref = mayComment ? Paths.newProposal(about: subject) : nil
                }
                for branch in entries[index].branches.indices { place(&entries[index].branches[branch].entries) }
            }
        }
        place(&steps)
        commentAction = action
        if mayComment {
            var subjects = [Fact(label: "Prozess als Ganzes", value: "", href: nil)]
            func collect(_ entries: [StepEntry]) {
                for entry in entries {
                    if !entry.id.isEmpty {
                        subjects.append(
                            Fact(label: "Schritt " + entry.number + " " + entry.name, value: entry.id, href: nil))
                    }
                    for branch in entry.branches { collect(branch.entries) }
                }
            }
            collect(steps)
            commentSubjects = subjects
            mentionOptions = CommentSectionView.mentionOptions(map: map, people: people)
        }
    }

    /// - Parameters:
    ///   - measured: the comparison with the newest event log attached to the process, if there is one.
    ///   - measuredBasis: key figures from the measured handling times (where measured) instead of the estimates.
    init(
        record: ProcessRecord, process: ProcessModel, snapshot: TenantSnapshot,
        measured: (comparison: StepTimeComparison, log: EventLogRecord)? = nil, measuredBasis: Bool = false
    ) {
        let map = snapshot.map
        let usesMeasured = measuredBasis && measured != nil
        let report = snapshot.report(
            of: usesMeasured ? measured!.comparison.measuredProcess(process) : process)
        times = measured.map {
            TimeComparisonView(
                $0.comparison, log: $0.log, processID: record.id.rawValue,
                hoursPerDay: map.settings.hoursPerWorkingDay, measuredBasis: usesMeasured)
        }
        basisNote =
            usesMeasured
            ? "Grundlage: gemessene Bearbeitungszeiten aus dem Protokoll „\(measured!.log.name)“, wo gemessen; sonst geschätzte."
            : "Grundlage: geschätzte Bearbeitungszeiten der Schritte."
        let index = MapIndex(map)
        id = record.id.rawValue
        name = process.name
        let service = snapshot.service(process.serviceID)
        var facts: [Fact] = [.init(label: "Stand", value: process.state.label, href: nil)]
        if let service {
            facts.append(.init(label: "Leistung", value: service.name, href: Paths.service(service.id)))
            facts.append(.init(label: "LeiKa-Schlüssel", value: service.leikaKey.description, href: nil))
        }
        if let owner = process.ownerUnitID {
            facts.append(.init(label: "Verantwortlich", value: index.unitName(owner), href: Paths.unit(owner)))
        }
        // The Ist version of a Soll process, or the Soll versions of an Ist process.
        if let ist = process.istID, let istRecord = snapshot.record(ist.rawValue) {
            facts.append(.init(label: "Ist-Prozess", value: istRecord.name, href: Paths.process(ist)))
            compareHref = Paths.compare(ist.rawValue, id)
        }
        for soll in snapshot.records where soll.istID == record.id {
            facts.append(.init(label: "Soll-Version", value: soll.name, href: Paths.process(soll.id)))
            compareHref = Paths.compare(id, soll.id.rawValue)
        }
        self.facts = facts
        diagramHref = Paths.processDiagram(id)
        downloadHref = Paths.processBPMN(id)
        handbookHref = Paths.handbook(process: id)
        diagramAlt =
            "BPMN-Diagramm „\(process.name)“ mit \(process.steps.count) Schritten in \(process.lanes.count) Bahnen. "
            + "Die Schrittliste unter dem Diagramm beschreibt denselben Ablauf."
        figureRows = report.figures.displayRows.map { row in
            TableRow(row[0], numbers: Array(row.dropFirst()))
        }
        if let cases = report.figures.casesPerYear, let fte = report.figures.ftePerYear,
            let hours = report.figures.staffHoursPerYear, let cost = report.figures.staffCostPerYear
        {
            casesNote =
                "Bei \(Display.integer(cases)) Fällen im Jahr bindet der Prozess \(Display.decimal(hours, digits: 0)) Stunden "
                + "oder \(Display.decimal(fte, digits: 2)) Vollzeitstellen; Personalkosten \(Display.decimal(cost, digits: 0)) € im Jahr."
        } else {
            casesNote =
                "Für die Leistung ist keine Fallzahl erfasst; der Personalbedarf im Jahr lässt sich nicht berechnen."
        }
        let processID = id
        var number = 0
        func entries(_ items: [CapturedItem]) -> [StepEntry] {
            items.map { item in
                switch item {
                case .step(let stepID, let stepName, let details):
                    number += 1
                    var parts: [String] = []
                    if let performer = details.performer { parts.append(map.name(of: performer)) }
                    if let medium = details.medium { parts.append(medium.label) }
                    if details.handlingMinutes > 0 {
                        parts.append("Bearbeitung " + Display.decimal(details.handlingMinutes, digits: 0) + " min")
                    }
                    if details.waitingMinutes > 0 {
                        parts.append(
                            "Liegezeit "
                                + Display.duration(
                                    minutes: details.waitingMinutes, hoursPerDay: map.settings.hoursPerWorkingDay))
                    }
                    let applications = details.applicationIDs.compactMap { id in
                        map.catalogue.applications.first { $0.id == id }?.name
                    }
                    if !applications.isEmpty { parts.append(applications.joined(separator: ", ")) }
                    return StepEntry(
                        number: "\(number).", id: stepID, name: stepName, facts: parts.joined(separator: " · "),
                        editHref: Paths.step(processID, stepID),
                        isBlock: false, blockTitle: "", branches: [])
                case .choice(let question, let branches):
                    return StepEntry(
                        number: "", id: "", name: "", facts: "", editHref: nil, isBlock: true,
                        blockTitle: "Entweder – oder: " + (question.isEmpty ? "Verzweigung" : question),
                        branches: branches.map { branch in
                            Branch(
                                label: (branch.label.isEmpty ? "Weg" : branch.label)
                                    + (branch.share.map { " (\(Display.percent($0)))" } ?? ""),
                                entries: entries(branch.items))
                        })
                case .parallel(let branches):
                    return StepEntry(
                        number: "", id: "", name: "", facts: "", editHref: nil, isBlock: true,
                        blockTitle: "Gleichzeitig",
                        branches: branches.map {
                            Branch(label: $0.label.isEmpty ? "Zweig" : $0.label, entries: entries($0.items))
                        })
                case .goBack(let target, let share, let label):
                    return StepEntry(
                        number: "", id: "", name: "", facts: "", editHref: nil, isBlock: true,
                        blockTitle:
                            "↺ \(label.isEmpty ? "Zurück" : label): \(Display.percent(share)) der Fälle zurück zu „"
                            + (report.stepList?.step(target)?.name ?? target) + "“",
                        branches: [])
                }
            }
        }
        if let captured = report.stepList {
            steps = entries(captured.items)
            hasStepList = true
            isEditable = true
        } else {
            // Not a block structure: list the steps in model order, without editing of the structure.
            steps = process.steps.enumerated().map { offset, node in
                StepEntry(
                    number: "\(offset + 1).", id: node.id, name: node.name,
                    facts: process.performer(of: node).map(map.name(of:)) ?? "keiner Stelle zugeordnet",
                    editHref: nil, isBlock: false, blockTitle: "", branches: [])
            }
            hasStepList = false
            isEditable = false
        }
        stepCount = process.steps.count
        editHref = Paths.steps(id)
        raciColumns = report.raci.columnNames
        raciRows = report.raci.rows.map { RACIRow(step: $0.stepName, cells: $0.cells, isComplete: $0.isComplete) }
        var uses: [UseLine] = []
        func use<Key: Hashable>(_ kind: String, _ keys: (StepDetails) -> [Key], _ name: (Key) -> String) {
            var stepsByKey: [Key: [String]] = [:]
            var order: [Key] = []
            for node in process.steps {
                for key in keys(node.step ?? StepDetails()) {
                    if stepsByKey[key] == nil { order.append(key) }
                    stepsByKey[key, default: []].append(node.name)
                }
            }
            for key in order {
                uses.append(UseLine(kind: kind, name: name(key), steps: stepsByKey[key]!.joined(separator: ", ")))
            }
        }
        let catalogue = map.catalogue
        use("Fachverfahren", \.applicationIDs) { id in catalogue.applications.first { $0.id == id }?.name ?? id.rawValue
        }
        use("Dokument", \.documentIDs) { id in catalogue.documents.first { $0.id == id }?.name ?? id.rawValue }
        use("Rechtsgrundlage", \.legalBasisIDs) { id in
            catalogue.legalBases.first { $0.id == id }?.citation ?? id.rawValue
        }
        use("Kompetenz", { $0.requiredSkills.map(\.skillID) }) { id in
            catalogue.skills.first { $0.id == id }?.name ?? id.rawValue
        }
        self.uses = uses
        problems = report.problems.map(ProblemLine.init)
        lanes = process.lanes.map { lane in
            Fact(
                label: lane.name, value: lane.performer.map(map.name(of:)) ?? "keiner Stelle zugeordnet",
                href: nil)
        }
    }
}
