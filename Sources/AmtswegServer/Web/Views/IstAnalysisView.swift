import AmtswegCore
import Foundation

/// The seven Ist-Analyse views with every display string precomputed.
struct IstAnalysisView: Sendable {
    struct Finding: Sendable {
        var text: String
        var author: String
        var day: String
        /// The form for a roadmap initiative made from the finding.
        var newInitiativeHref: String
        /// "Antworten von „Ordnungsamt“, Workshop-Runde „Ist-Analyse 2026“": where a finding from a round came from.
        var origin: String?
        var originHref: String?
    }
    struct Header: Sendable {
        var title: String
        var explanation: String
        var questions: String
        var findings: [Finding]
    }
    struct MatrixRow: Sendable {
        /// A pair of units. Where no flow runs between them the cell goes out as a bare `<td>`: the matrix is
        /// mostly empty, and each empty cell's class and title made up a quarter of the page.
        struct Cell: Sendable {
            var text = ""
            var label = ""
            var heat = ""
            /// Stored, not computed: templates see stored properties only.
            var isEmpty = true
        }
        var unit: String
        var href: String
        var cells: [Cell]
    }
    struct ColumnHead: Sendable {
        var short: String
        var name: String
    }

    var matrix: Header
    var matrixColumns: [ColumnHead]
    var matrixRows: [MatrixRow]
    var hasMatrix: Bool
    var network: Header
    var networkSVG: String
    var networkRows: [TableRow]
    var hubNames: String
    var interfaces: Header
    var interfaceSummary: [TableRow]
    var interfaceRows: [TableRow]
    var entryPoints: Header
    var channelRows: [TableRow]
    var digitalShare: String
    var needs: Header
    var needRows: [TableRow]
    var raci: Header
    var raciSummary: String
    var raciGaps: [TableRow]
    var ownerless: [TableRow]
    var transparency: Header
    var transparencyRows: [TableRow]
    var transparencySummary: String
    var form: FindingForm

    init(_ analysis: IstAnalysis, map: TenantMap, rounds: [WorkshopRound], form: FindingForm) {
        let index = MapIndex(map)
        func origin(_ finding: WorkshopFinding) -> String? {
            guard let id = finding.roundID else { return nil }
            let round = rounds.first { $0.id == id }?.title ?? id.rawValue
            guard let unit = finding.unitID else { return "Workshop-Runde „\(round)“" }
            return "Antworten von „\(index.unitName(unit))“, Workshop-Runde „\(round)“"
        }
        func header<V>(_ described: IstAnalysis.Described<V>) -> Header {
            Header(
                title: described.title, explanation: described.explanation,
                questions: "Frage " + described.questions.map(String.init).joined(separator: " und "),
                findings: described.findings.map {
                    Finding(
                        text: $0.text, author: $0.author, day: GermanFormat.date($0.recordedOn),
                        newInitiativeHref: Paths.newInitiative(finding: $0.id.rawValue), origin: origin($0),
                        originHref: $0.roundID.map(Paths.workshop))
                })
        }
        let matrixView = analysis.interactionMatrix.view
        matrix = header(analysis.interactionMatrix)
        let maxVolume = matrixView.cells.map(\.volumePerYear).max() ?? 0
        // Column heads: the office number where the unit has one ("32"), which staff know, else initials.
        let officeNumbers = Dictionary(
            map.units.compactMap { unit in unit.officeNumber.map { (unit.id, $0) } }, uniquingKeysWith: { a, _ in a })
        matrixColumns = matrixView.units.map {
            ColumnHead(short: officeNumbers[$0.id] ?? Self.abbreviation($0.name), name: $0.name)
        }
        matrixRows = matrixView.units.map { from in
            MatrixRow(
                unit: from.name, href: Paths.unit(from.id),
                cells: matrixView.units.map { to in
                    guard let cell = matrixView.cell(from: from.id, to: to.id) else {
                        return .init()
                    }
                    let level = maxVolume == 0 ? 1 : 1 + Int(4.0 * Double(cell.volumePerYear) / Double(maxVolume))
                    return .init(
                        text: Display.integer(cell.flowCount),
                        label: (cell.flowCount == 1 ? "1 Fluss" : "\(Display.integer(cell.flowCount)) Flüsse")
                            + ", \(Display.integer(cell.volumePerYear)) Vorgänge im Jahr",
                        heat: "heat-\(min(level, 5))", isEmpty: false)
                })
        }
        hasMatrix = !matrixView.units.isEmpty

        let networkView = analysis.interactionNetwork.view
        network = header(analysis.interactionNetwork)
        networkSVG = NetworkDiagram(networkView).svg
        networkRows = networkView.nodes.sorted { $0.betweenness > $1.betweenness }.map { node in
            TableRow(
                node.unit.name, href: Paths.unit(node.unit.id),
                cells: [
                    .init(text: Display.integer(node.degree), isNumber: true),
                    .init(text: Display.integer(node.flowCount), isNumber: true),
                    .init(text: Display.decimal(node.betweenness, digits: 3), isNumber: true),
                    .init(text: node.isHub ? "ja" : "nein", isNumber: false),
                ], highlight: node.isHub)
        }
        hubNames = networkView.hubs.map(\.unit.name).joined(separator: ", ")

        let interfaceView = analysis.interfaces.view
        interfaces = header(analysis.interfaces)
        interfaceSummary = interfaceView.summary.map {
            TableRow(
                $0.label,
                numbers: [
                    Display.integer($0.interfaceCount), Display.integer($0.flowCount),
                    Display.integer($0.volumePerYear),
                ])
        }
        interfaceRows = interfaceView.interfaces.prefix(40).map {
            TableRow(
                $0.interfaceClass.label,
                cells: [
                    .init(text: $0.sideA, isNumber: false), .init(text: $0.sideB, isNumber: false),
                    .init(text: Display.integer($0.flowCount), isNumber: true),
                    .init(text: $0.channels.map(\.label).joined(separator: ", "), isNumber: false),
                ], highlight: $0.interfaceClass == .citizensAndBusinesses)
        }

        let entries = analysis.entryPoints.view
        entryPoints = header(analysis.entryPoints)
        channelRows = entries.byChannel.map {
            TableRow(
                $0.channelLabel, numbers: [Display.integer($0.volumePerYear), Display.percent($0.share)],
                highlight: $0.channel.isDigital)
        }
        digitalShare = Display.percent(entries.digitalShare)

        let needsView = analysis.informationNeeds.view
        needs = header(analysis.informationNeeds)
        needRows = needsView.units.map {
            TableRow(
                $0.unit.name, href: Paths.unit($0.unit.id),
                numbers: [Display.integer($0.senderCount), Display.integer($0.volumePerYear)])
        }

        let raciView = analysis.responsibilities.view
        raci = header(analysis.responsibilities)
        raciSummary =
            "\(Display.integer(raciView.completeTaskCount)) von \(Display.integer(raciView.taskCount)) Aufgaben "
            + "(\(Display.percent(raciView.completeShare))) haben genau eine verantwortliche und mindestens eine "
            + "durchführende Stelle; \(Display.integer(raciView.ownerlessHandoffs.count)) von "
            + "\(Display.integer(raciView.handoffCount)) Übergaben fehlt ein Zuständiger."
        raciGaps = raciView.taskGaps.map {
            TableRow($0.taskName, text: [$0.unit.name, $0.gaps.map(\.label).joined(separator: "; ")])
        }
        ownerless = raciView.ownerlessHandoffs.map {
            TableRow(
                $0.from,
                text: [
                    $0.to, $0.informationObject ?? "–",
                    [
                        $0.missingOwnerAtSender ? "beim Absender" : nil,
                        $0.missingOwnerAtReceiver ? "beim Empfänger" : nil,
                    ]
                    .compactMap { $0 }.joined(separator: " und "),
                ])
        }

        let transparencyView = analysis.taskTransparency.view
        transparency = header(analysis.taskTransparency)
        transparencyRows = transparencyView.units.map {
            TableRow(
                $0.unit.name, href: Paths.unit($0.unit.id),
                cells: [
                    .init(text: Display.integer($0.taskCount), isNumber: true),
                    .init(text: "\($0.knownBy) von \($0.askedUnits)", isNumber: false),
                    .init(text: Display.percent($0.coverage), isNumber: true),
                ], highlight: $0.isLittleKnown)
        }
        transparencySummary =
            "\(Display.integer(transparencyView.respondingUnits)) Einheiten haben geantwortet; "
            + "im Mittel kennen sie \(Display.percent(transparencyView.averageCoverage)) der anderen Bereiche."
        self.form = form
    }

    /// A short column head: the capitals of the words ("Zentrale Dienste und Poststelle" → "ZDP"), or the
    /// first letters of a one-word name with a full stop ("Rechnungsprüfungsamt" → "Rechn.").
    static func abbreviation(_ name: String) -> String {
        let words = name.split(separator: " ").filter { $0.first?.isUppercase ?? false }
        if words.count >= 2 { return String(words.prefix(4).compactMap(\.first)) }
        return name.count <= 6 ? name : String(name.prefix(5)) + "."
    }

}
