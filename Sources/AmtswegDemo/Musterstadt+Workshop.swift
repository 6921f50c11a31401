import AmtswegCore

extension Musterstadt {
    /// Answers to "whose tasks do you know?" from the units that took part in the workshop.
    static func awareness() -> [UnitAwareness] {
        let answers: [String: [String]] = [
            "10": ["D1", "10.1", "10.2", "11", "20", "21", "22", "30", "32", "33", "34", "37", "50", "51", "63"],
            "10.1": ["10", "10.2", "11", "20", "21", "33", "50"],
            "10.2": [
                "D1", "10", "10.1", "11", "20", "21", "22", "32", "33", "34", "37", "50", "51", "51.1", "63", "80",
            ],
            "11": ["10", "10.1", "20", "21", "33"],
            "20": ["D1", "10", "11", "21", "22", "14", "63", "30"],
            "21": ["10", "20", "22", "33"],
            "22": ["10.2", "20", "21", "32.1", "33"],
            "32.1": ["10.2", "22", "30", "33", "37", "63", "80"],
            "32.2": ["10.2", "32.1", "33", "66"],
            "33": ["10", "10.1", "10.2", "22", "32.1", "32.2", "34", "50", "51.1"],
            "34": ["10.2", "33"],
            "50": ["10.2", "21", "30", "33", "51", "51.1"],
            "51.1": ["10.2", "20", "21", "51"],
            "61": ["63", "66", "67"],
            "63": ["10.2", "21", "37", "61", "66", "67", "30"],
            "66": ["32.2", "61", "63"],
            "67": ["61", "63", "66"],
        ]
        return answers.flatMap { unit, known in
            known.map { UnitAwareness(unitID: ID(unit), knownUnitID: ID($0)) }
        }
    }

    static func findings() -> [WorkshopFinding] {
        let day = Day(year: 2026, month: 3, day: 12)!
        let rows: [(question: IstQuestion, text: String, author: String, unit: String?)] = [
            (
                .whoWithWhom,
                "Fast alle Anträge in Papierform laufen über die Poststelle; dort entstehen Liegezeiten von bis zu zwei Tagen.",
                "Leitung Zentrale Dienste", "10.2"
            ),
            (
                .informationNeeds,
                "Sozialamt und Straßenverkehr fragen Meldedaten telefonisch im Bürgerbüro ab, statt das Melderegister einzusehen.",
                "Amtsleitung Bürgerbüro", "33"
            ),
            (
                .internalInterfaces,
                "Beim Bauantrag werden die Unterlagen in Papier an bis zu fünf Fachämter versandt; Rücklauf wird nicht überwacht.",
                "Sachbearbeitung Baugenehmigung", "63"
            ),
            (
                .externalInterfaces,
                "Gewerbeanzeigen gehen weiterhin per Post an das Finanzamt, obwohl ein elektronischer Weg möglich wäre.",
                "Sachgebietsleitung Gewerbe", "32.1"
            ),
            (
                .entryPoints, "Telefonische Anfragen im Bürgerbüro binden am Vormittag zwei Schalterplätze.",
                "Amtsleitung Bürgerbüro", "33"
            ),
            (
                .responsibilities,
                "Für die Betreuung der Fachverfahren ist unklar, ob das Fachamt oder die IT verantwortlich ist.",
                "Organisationsberater", "10.1"
            ),
            (
                .responsibilities,
                "Die Festsetzung der Baugebühren wird sowohl von der Bauverwaltung als auch von der Kämmerei verantwortet.",
                "Amtsleitung Bauordnung", "63"
            ),
            (
                .taskTransparency,
                "Kaum jemand im Haus weiß, was die Stabsstelle Digitalisierung macht und wie man sie einbindet.",
                "Digitalisierungslotsin", "SD"
            ),
            (
                .taskTransparency, "Die Rechnungsprüfung wird als Kontrolle wahrgenommen, nicht als Beratung.",
                "Leitung Rechnungsprüfung", "14"
            ),
        ]
        return rows.enumerated().map { offset, row in
            WorkshopFinding(
                id: ID("W-\(offset + 1)"), question: row.question, text: row.text, author: row.author,
                recordedOn: day, unitID: row.unit.map { ID($0) })
        }
    }
}
