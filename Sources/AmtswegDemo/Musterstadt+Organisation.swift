import AmtswegCore

extension Musterstadt {
    static func units() -> [OrgUnit] {
        let rows: [(id: String, name: String, kind: OrgUnitKind, parent: String?, office: String?)] = [
            ("D1", "Dezernat I – Bürgermeister, Verwaltung und Finanzen", .dezernat, nil, nil),
            ("D2", "Dezernat II – Bürgerdienste, Ordnung und Soziales", .dezernat, nil, nil),
            ("D3", "Dezernat III – Bauen und Umwelt", .dezernat, nil, nil),
            ("SD", "Stabsstelle Digitalisierung", .stabsstelle, "D1", nil),
            ("14", "Rechnungsprüfungsamt", .amt, "D1", "14"),
            ("10", "Hauptamt", .amt, "D1", "10"),
            ("10.1", "Organisation und IT", .sachgebiet, "10", nil),
            ("10.2", "Zentrale Dienste und Poststelle", .sachgebiet, "10", nil),
            ("11", "Personalamt", .amt, "D1", "11"),
            ("20", "Kämmerei", .amt, "D1", "20"),
            ("21", "Stadtkasse", .amt, "D1", "21"),
            ("22", "Steueramt", .amt, "D1", "22"),
            ("30", "Rechtsamt", .amt, "D1", "30"),
            ("80", "Wirtschaftsförderung", .amt, "D1", "80"),
            ("32", "Ordnungsamt", .amt, "D2", "32"),
            ("32.1", "Gewerbe und Gaststätten", .sachgebiet, "32", nil),
            ("32.2", "Straßenverkehr und Sondernutzung", .sachgebiet, "32", nil),
            ("33", "Bürgerbüro", .amt, "D2", "33"),
            ("34", "Standesamt", .amt, "D2", "34"),
            ("37", "Feuerwehr", .amt, "D2", "37"),
            ("50", "Sozialamt", .amt, "D2", "50"),
            ("51", "Jugendamt", .amt, "D2", "51"),
            ("51.1", "Kindertagesbetreuung", .abteilung, "51", nil),
            ("61", "Stadtplanungsamt", .amt, "D3", "61"),
            ("63", "Bauordnungsamt", .amt, "D3", "63"),
            ("66", "Tiefbauamt", .amt, "D3", "66"),
            ("67", "Umwelt- und Grünflächenamt", .amt, "D3", "67"),
        ]
        return rows.map {
            OrgUnit(
                id: ID($0.id), name: $0.name, kind: $0.kind, parentID: $0.parent.map { ID($0) }, officeNumber: $0.office
            )
        }
    }

    /// Positions per unit; the first of each unit leads it. Ids are "<unit>-<n>".
    static func positions() -> [Position] {
        let staffing: [(unit: String, positions: [(title: String, fte: Double, grade: String)])] = [
            ("D1", [("Bürgermeisterin", 1, "B 3")]),
            ("D2", [("Beigeordneter Dezernat II", 1, "B 2")]),
            ("D3", [("Beigeordnete Dezernat III", 1, "B 2")]),
            ("SD", [("Leitung Stabsstelle Digitalisierung", 1, "EG 13"), ("Digitalisierungslotsin", 1, "EG 11")]),
            ("14", [("Leitung Rechnungsprüfung", 1, "A 14"), ("Prüferin", 1, "A 12")]),
            ("10", [("Amtsleitung Hauptamt", 1, "A 15")]),
            (
                "10.1",
                [
                    ("Sachgebietsleitung Organisation und IT", 1, "EG 12"), ("Organisationsberater", 1, "EG 11"),
                    ("IT-Administration", 2, "EG 10"),
                ]
            ),
            (
                "10.2",
                [
                    ("Sachgebietsleitung Zentrale Dienste", 1, "EG 9b"), ("Poststelle", 1.5, "EG 5"),
                    ("Registratur", 0.5, "EG 5"),
                ]
            ),
            (
                "11",
                [
                    ("Amtsleitung Personal", 1, "A 14"), ("Sachbearbeitung Personalverwaltung", 2, "EG 9a"),
                    ("Sachbearbeitung Entgelt", 1, "EG 9a"),
                ]
            ),
            ("20", [("Amtsleitung Kämmerei", 1, "A 15"), ("Haushaltssachbearbeitung", 2, "EG 10")]),
            (
                "21",
                [
                    ("Kassenverwalter", 1, "A 11"), ("Sachbearbeitung Buchhaltung", 2, "EG 8"),
                    ("Vollstreckung", 1, "EG 8"),
                ]
            ),
            (
                "22",
                [
                    ("Amtsleitung Steuern", 1, "A 13"), ("Sachbearbeitung Hundesteuer", 0.5, "EG 8"),
                    ("Sachbearbeitung Grund- und Gewerbesteuer", 2, "EG 9a"),
                ]
            ),
            ("30", [("Amtsleitung Recht", 1, "A 15"), ("Justiziarin", 1, "EG 13")]),
            ("80", [("Leitung Wirtschaftsförderung", 1, "EG 13"), ("Unternehmensservice", 1, "EG 10")]),
            ("32", [("Amtsleitung Ordnung", 1, "A 14")]),
            (
                "32.1",
                [
                    ("Sachgebietsleitung Gewerbe", 1, "A 11"), ("Sachbearbeitung Gewerbe", 2, "EG 9a"),
                    ("Sachbearbeitung Gaststätten", 1, "EG 9a"),
                ]
            ),
            (
                "32.2",
                [
                    ("Sachgebietsleitung Verkehr", 1, "A 11"), ("Sachbearbeitung Verkehrsbehörde", 1.5, "EG 9a"),
                    ("Sachbearbeitung Sondernutzung", 1, "EG 8"),
                ]
            ),
            (
                "33",
                [
                    ("Amtsleitung Bürgerbüro", 1, "A 12"), ("Bürgerberatung Meldewesen", 6, "EG 8"),
                    ("Bürgerberatung Pass und Ausweis", 4, "EG 8"), ("Fundbüro", 0.5, "EG 6"),
                ]
            ),
            ("34", [("Standesbeamtin (Leitung)", 1, "A 11"), ("Standesbeamter", 2, "A 10")]),
            ("37", [("Leitung Feuerwehr", 1, "A 14"), ("Vorbeugender Brandschutz", 1, "A 11")]),
            (
                "50",
                [
                    ("Amtsleitung Soziales", 1, "A 14"), ("Sachbearbeitung Wohngeld", 3, "EG 9b"),
                    ("Sachbearbeitung Grundsicherung", 4, "EG 9b"),
                ]
            ),
            ("51", [("Amtsleitung Jugend", 1, "A 15"), ("Sozialer Dienst", 5, "S 14")]),
            (
                "51.1",
                [
                    ("Abteilungsleitung Kindertagesbetreuung", 1, "EG 12"), ("Platzvergabe Kita", 2, "EG 9a"),
                    ("Sachbearbeitung Elternbeiträge", 1.5, "EG 8"),
                ]
            ),
            (
                "61",
                [
                    ("Amtsleitung Stadtplanung", 1, "A 15"), ("Stadtplanerin", 2, "EG 12"),
                    ("Bauleitplanung", 1, "EG 11"),
                ]
            ),
            (
                "63",
                [
                    ("Amtsleitung Bauordnung", 1, "A 14"), ("Sachbearbeitung Baugenehmigung", 4, "EG 11"),
                    ("Bautechnik", 2, "EG 11"), ("Bauverwaltung Gebühren", 1, "EG 8"),
                ]
            ),
            (
                "66",
                [("Amtsleitung Tiefbau", 1, "A 14"), ("Straßenunterhaltung", 2, "EG 10"), ("Erschließung", 1, "EG 11")]
            ),
            (
                "67",
                [
                    ("Amtsleitung Umwelt", 1, "A 14"), ("Untere Naturschutzbehörde", 1, "EG 11"),
                    ("Baumschutz", 1, "EG 9a"),
                ]
            ),
        ]
        return staffing.flatMap { unit, positions in
            positions.enumerated().map { offset, position in
                Position(
                    id: ID("\(unit)-\(offset + 1)"), title: position.title, unitID: ID(unit), fte: position.fte,
                    payGrade: position.grade)
            }
        }
    }

    /// Roles by the kind of work: leadership, case work, assistance.
    static func roles(_ positions: [Position]) -> [Role] {
        let leads = positions.filter { $0.id.rawValue.hasSuffix("-1") }.map(\.id)
        let caseWork = positions.filter { !$0.id.rawValue.hasSuffix("-1") && $0.title.contains("Sachbearbeitung") }.map(
            \.id)
        let counter = positions.filter { $0.title.hasPrefix("Bürgerberatung") || $0.title == "Fundbüro" }.map(\.id)
        return [
            Role(id: "leitung", name: "Leitung", positionIDs: leads),
            Role(id: "sachbearbeitung", name: "Sachbearbeitung", positionIDs: caseWork),
            Role(id: "buergerberatung", name: "Bürgerberatung am Schalter", positionIDs: counter),
        ]
    }
}
