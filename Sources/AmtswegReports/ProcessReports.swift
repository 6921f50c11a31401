public import AmtswegCore
/// Plain-text forms of the process analyses for the terminal.
extension ProcessFigures {

    public func textReport(map: TenantMap) -> String {
        let rows = displayRows
        var text = "Kennzahlen: \(processName)\n\n"
        text += TextTable(headers: ["Kennzahl", "alle Wege", "Hauptweg"], rows: rows, numericColumns: [1, 2]).render()
        text += "\n\n"
        if let casesPerYear, let hours = staffHoursPerYear, let fte = ftePerYear, let cost = staffCostPerYear {
            text +=
                "Bei \(GermanFormat.integer(casesPerYear)) Fällen im Jahr: \(GermanFormat.decimal(hours, digits: 0)) Stunden, "
                + "\(GermanFormat.decimal(fte)) Vollzeitstellen, \(GermanFormat.decimal(cost, digits: 0)) € Personalkosten.\n\n"
            text += TextTable(
                headers: ["Organisationseinheit", "Stunden/Jahr", "VZÄ"],
                rows: loadByUnit.map {
                    [
                        map.name(of: $0.subject), GermanFormat.decimal($0.hoursPerYear, digits: 0),
                        GermanFormat.decimal($0.fte),
                    ]
                }, numericColumns: [1, 2]
            ).render()
            text += "\n"
        } else {
            text += "Keine Fallzahl für die Leistung erfasst: Personalbedarf im Jahr nicht berechenbar.\n"
        }
        if !stepsWithoutPerformer.isEmpty {
            text += "\nOhne Zuordnung: " + stepsWithoutPerformer.joined(separator: ", ") + "\n"
        }
        return text
    }
}

extension ProblemSpot {
    public static func textReport(_ spots: [ProblemSpot]) -> String {
        guard !spots.isEmpty else { return "Keine Schwachstellen gefunden.\n" }
        var text = "\(spots.count) Schwachstellen\n"
        for rule in ProblemRule.allCases {
            let found = spots.filter { $0.rule == rule }
            guard let first = found.first else { continue }
            text += "\n\(first.title) (\(first.severity.label), \(found.count)×)\n  \(first.explanation)\n"
            for spot in found {
                let process = spot.links.first?.processID.map { " [\($0)]" } ?? ""
                text += "  – \(spot.detail)\(process)\n"
            }
        }
        return text
    }
}

extension ProcessComparison {
    public func textReport() -> String {
        var text = "Ist: \(ist.processName)\nSoll: \(soll.processName)\n\n"
        text += TextTable(
            headers: ["Kennzahl", "Einheit", "Ist", "Soll", "Differenz"],
            rows: rows.map {
                [
                    $0.label, $0.unit, GermanFormat.decimal($0.ist), GermanFormat.decimal($0.soll),
                    ($0.delta > 0 ? "+" : "") + GermanFormat.decimal($0.delta),
                ]
            }, numericColumns: [2, 3, 4]
        ).render()
        text += "\n\n"
        if let casesPerYear, let hours = savedHoursPerYear, let fte = savedFTE, let euros = savedEurosPerYear {
            text +=
                "Erwartete Einsparung bei \(GermanFormat.integer(casesPerYear)) Fällen im Jahr: "
                + "\(GermanFormat.decimal(hours, digits: 0)) Stunden, \(GermanFormat.decimal(fte)) Vollzeitstellen, "
                + "\(GermanFormat.decimal(euros, digits: 0)) €.\n"
        } else {
            text += "Keine Fallzahl für die Leistung erfasst: Einsparung im Jahr nicht berechenbar.\n"
        }
        return text
    }
}
