public import AmtswegCore
/// The Ist-Analyse as readable text for the terminal: one section per view, each with its explanation.
extension IstAnalysis {
    /// - Parameter limit: the most rows a long table shows; the rest is counted, not printed.
    public func textReport(limit: Int = 15) -> String {
        var sections: [String] = ["Ist-Analyse – \(tenant)"]

        func section<V>(_ described: Described<V>, _ body: String) {
            let questions = described.questions.map(String.init).joined(separator: ", ")
            let findings = described.findings.map { "  – \($0.text) (\($0.author), \($0.recordedOn))" }
            sections.append(
                """
                == \(described.title) (Frage \(questions)) ==
                \(described.explanation)

                \(body)
                """ + (findings.isEmpty ? "" : "\n\nAus dem Workshop:\n" + findings.joined(separator: "\n")))
        }
        func capped<T>(_ items: [T]) -> (shown: [T], note: String) {
            items.count > limit ? (Array(items.prefix(limit)), "\n… und \(items.count - limit) weitere") : (items, "")
        }

        let matrix = interactionMatrix.view
        let names = Dictionary(matrix.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let cells = capped(
            matrix.cells.sorted { ($1.volumePerYear, $0.from, $0.to) < ($0.volumePerYear, $1.from, $1.to) })
        section(
            interactionMatrix,
            "\(matrix.units.count) Einheiten, \(matrix.cells.count) Beziehungen; die stärksten:\n"
                + TextTable(
                    headers: ["von", "an", "Flüsse", "Vorgänge/Jahr"],
                    rows: cells.shown.map {
                        [
                            names[$0.from] ?? $0.from.rawValue, names[$0.to] ?? $0.to.rawValue,
                            "\($0.flowCount)", GermanFormat.integer($0.volumePerYear),
                        ]
                    },
                    numericColumns: [2, 3]
                ).render() + cells.note)

        let network = interactionNetwork.view
        let nodes = capped(network.nodes)
        section(
            interactionNetwork,
            InteractionNetwork.hubRule + "\n"
                + "Drehscheiben: "
                + (network.hubs.isEmpty ? "keine" : network.hubs.map(\.unit.name).joined(separator: ", ")) + "\n\n"
                + TextTable(
                    headers: ["Einheit", "Verbindungen", "Flüsse", "Betweenness", "Drehscheibe"],
                    rows: nodes.shown.map {
                        [
                            $0.unit.name, "\($0.degree)", "\($0.flowCount)",
                            GermanFormat.decimal($0.betweenness, digits: 3), $0.isHub ? "ja" : "",
                        ]
                    },
                    numericColumns: [1, 2, 3]
                ).render() + nodes.note)

        let interfaces = interfaces.view
        let spread = capped(interfaces.services)
        section(
            self.interfaces,
            TextTable(
                headers: ["Art", "Schnittstellen", "Flüsse", "Vorgänge/Jahr"],
                rows: interfaces.summary.map {
                    [$0.label, "\($0.interfaceCount)", "\($0.flowCount)", GermanFormat.integer($0.volumePerYear)]
                },
                numericColumns: [1, 2, 3]
            ).render()
                + "\n\nLeistungen nach beteiligten Einheiten:\n"
                + TextTable(
                    headers: ["Leistung", "Einheiten", "Übergaben", "beteiligt"],
                    rows: spread.shown.map {
                        [
                            $0.serviceName, "\($0.units.count)", "\($0.crossUnitHandoffs)",
                            $0.units.map(\.name).joined(separator: ", "),
                        ]
                    },
                    numericColumns: [1, 2]
                ).render() + spread.note)

        let entries = entryPoints.view
        let entryRows = capped(entries.rows)
        section(
            entryPoints,
            "Digitaler Anteil: \(GermanFormat.percent(entries.digitalShare))\n\n"
                + TextTable(
                    headers: ["Kanal", "Vorgänge/Jahr", "Anteil"],
                    rows: entries.byChannel.map {
                        [$0.channelLabel, GermanFormat.integer($0.volumePerYear), GermanFormat.percent($0.share)]
                    },
                    numericColumns: [1, 2]
                ).render() + "\n\n"
                + TextTable(
                    headers: ["Einheit", "Kanal", "Vorgänge/Jahr", "Leistung"],
                    rows: entryRows.shown.map {
                        [$0.unit.name, $0.channelLabel, GermanFormat.integer($0.volumePerYear), $0.serviceName ?? ""]
                    },
                    numericColumns: [2]
                ).render() + entryRows.note)

        let needs = capped(
            informationNeeds.view.units.sorted { ($1.volumePerYear, $0.unit) < ($0.volumePerYear, $1.unit) })
        section(
            informationNeeds,
            TextTable(
                headers: ["Einheit", "Absender", "Vorgänge/Jahr", "wichtigste Information (von)"],
                rows: needs.shown.map { unit in
                    let top = unit.needs.first.map { "\($0.informationObject ?? "–") (\($0.from))" } ?? ""
                    return [unit.unit.name, "\(unit.senderCount)", GermanFormat.integer(unit.volumePerYear), top]
                }, numericColumns: [1, 2]
            ).render() + needs.note)

        let raci = responsibilities.view
        let gaps = capped(raci.taskGaps)
        let ownerless = capped(raci.ownerlessHandoffs)
        section(
            responsibilities,
            "\(raci.completeTaskCount) von \(raci.taskCount) Aufgaben vollständig geregelt (\(GermanFormat.percent(raci.completeShare))).\n\n"
                + TextTable(
                    headers: ["Aufgabe", "Einheit", "Lücke"],
                    rows: gaps.shown.map { [$0.taskName, $0.unit.name, $0.gaps.map(\.label).joined(separator: "; ")] }
                ).render()
                + gaps.note + "\n\n"
                + "\(raci.ownerlessHandoffs.count) von \(raci.handoffCount) Übergaben zwischen Einheiten ohne benannte Stelle:\n"
                + TextTable(
                    headers: ["von", "an", "Information"],
                    rows: ownerless.shown.map { [$0.from, $0.to, $0.informationObject ?? ""] }
                ).render() + ownerless.note)

        let transparency = taskTransparency.view
        let coverage = capped(transparency.units)
        section(
            taskTransparency,
            "\(transparency.respondingUnits) Einheiten haben geantwortet; im Mittel kennen \(GermanFormat.percent(transparency.averageCoverage)) die Aufgaben einer Einheit.\n\n"
                + TextTable(
                    headers: ["Einheit", "Aufgaben", "bekannt bei", "Anteil", "kaum bekannt"],
                    rows: coverage.shown.map {
                        [
                            $0.unit.name, "\($0.taskCount)", "\($0.knownBy) von \($0.askedUnits)",
                            GermanFormat.percent($0.coverage), $0.isLittleKnown ? "ja" : "",
                        ]
                    },
                    numericColumns: [1, 2, 3]
                ).render() + coverage.note)

        return sections.joined(separator: "\n\n") + "\n"
    }
}
