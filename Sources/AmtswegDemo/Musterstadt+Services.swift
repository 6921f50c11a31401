import AmtswegCore

extension Musterstadt {
    /// Services with their real LeiKa keys (OZG catalogue) and the unit responsible.
    static func services() -> [Service] {
        let rows: [(id: String, name: String, leika: String, unit: String)] = [
            ("gewerbe-anmeldung", "Gewerbe anmelden", "99050012104000", "32.1"),
            ("gewerbe-abmeldung", "Gewerbe abmelden", "99050012070000", "32.1"),
            ("gaststaette", "Gaststättenerlaubnis", "99025002000000", "32.1"),
            ("wohnsitz-anmeldung", "Wohnsitz anmelden", "99115005104000", "33"),
            ("meldebestaetigung", "Amtliche Meldebestätigung", "99115003000000", "33"),
            ("personalausweis", "Personalausweis", "99008001000000", "33"),
            ("reisepass", "Reisepass", "99085001000000", "33"),
            ("fundsachen", "Fundsachen", "99089017000000", "33"),
            ("fuehrungszeugnis", "Führungszeugnis", "99049001000000", "33"),
            ("geburtsurkunde", "Geburtsurkunde", "99027002000000", "34"),
            ("eheschliessung", "Eheschließung", "99059001000000", "34"),
            ("sterbeurkunde", "Sterbeurkunde", "99101004000000", "34"),
            ("baugenehmigung", "Baugenehmigung", "99012008000000", "63"),
            ("abbruchgenehmigung", "Abbruchgenehmigung", "99012001000000", "63"),
            ("hundesteuer", "Hundesteuer", "99102013000000", "22"),
            ("kita-platz", "Kita-Platz (Kindertagesstätte)", "99041004000000", "51.1"),
            ("elternbeitrag", "Elternbeitrag", "99071007000000", "51.1"),
            ("sondernutzung", "Sondernutzungserlaubnis für Straßen", "99108012000000", "32.2"),
            ("bewohnerparken", "Bewohnerparkausweis", "99108001000000", "32.2"),
            ("wohngeld", "Wohngeld", "99107023000000", "50"),
            ("hilfe-lebensunterhalt", "Hilfe zum Lebensunterhalt", "99107012000000", "50"),
        ]
        return rows.map { Service(id: ID($0.id), name: $0.name, leikaKey: LeiKaKey($0.leika)!, unitID: ID($0.unit)) }
    }

    static func externalParties() -> [ExternalParty] {
        [
            ExternalParty(id: "buerger", name: "Bürgerinnen und Bürger", kind: .citizen),
            ExternalParty(id: "bauherr", name: "Bauherren und Entwurfsverfasser", kind: .citizen),
            ExternalParty(id: "eltern", name: "Eltern", kind: .citizen),
            ExternalParty(id: "unternehmen", name: "Unternehmen und Gewerbetreibende", kind: .business),
            ExternalParty(id: "finanzamt", name: "Finanzamt Musterstadt", kind: .authority),
            ExternalParty(id: "ihk", name: "Industrie- und Handelskammer", kind: .authority),
            ExternalParty(id: "landkreis", name: "Landkreis (untere Wasser- und Denkmalbehörde)", kind: .authority),
            ExternalParty(id: "bundesdruckerei", name: "Bundesdruckerei", kind: .authority),
            ExternalParty(id: "bundesamt-justiz", name: "Bundesamt für Justiz", kind: .authority),
            ExternalParty(id: "polizei", name: "Polizeiinspektion", kind: .authority),
            ExternalParty(id: "rentenversicherung", name: "Deutsche Rentenversicherung", kind: .authority),
            ExternalParty(id: "kita-traeger", name: "Freie Kita-Träger", kind: .business),
            ExternalParty(id: "bank", name: "Hausbank", kind: .business),
        ]
    }

    static func informationObjects() -> [InformationObject] {
        [
            "Gewerbeanzeige", "Bauantrag", "Baugenehmigung", "Stellungnahme", "Gebührenbescheid", "Meldeschein",
            "Meldebestätigung", "Ausweisantrag", "Ausweisdokument", "Antrag auf Wohngeld", "Wohngeldbescheid",
            "Kita-Anmeldung", "Platzzusage", "Beitragsbescheid", "Steuerbescheid", "Zahlungsanordnung", "Kontoauszug",
            "Mahnung", "Posteingang", "Akte", "Personenstandsurkunde", "Sterbefallanzeige", "Antrag auf Sondernutzung",
            "Sondernutzungserlaubnis", "Verkehrsrechtliche Anordnung", "Haushaltsansatz", "Prüfbericht",
            "Stellenanforderung", "IT-Störungsmeldung", "Fundanzeige", "Gaststättenerlaubnis", "Rechtsgutachten",
            "Bebauungsplan", "Sozialhilfeantrag", "Führungszeugnis-Antrag",
        ].map { InformationObject(id: ID($0), name: $0) }
    }

    static func entryPoints() -> [EntryPoint] {
        let rows: [(unit: String, channel: Channel, volume: Int, service: String?)] = [
            ("33", .counter, 38_500, "wohnsitz-anmeldung"), ("33", .counter, 16_200, "personalausweis"),
            ("33", .onlinePortal, 2_100, "wohnsitz-anmeldung"), ("33", .phone, 21_000, nil), ("33", .email, 6_400, nil),
            ("33", .post, 1_900, "meldebestaetigung"), ("33", .counter, 900, "fundsachen"),
            ("10.2", .post, 48_000, nil), ("10.2", .email, 31_000, nil),
            ("32.1", .counter, 1_150, "gewerbe-anmeldung"), ("32.1", .onlinePortal, 420, "gewerbe-anmeldung"),
            ("32.1", .email, 640, nil), ("32.2", .email, 880, "sondernutzung"),
            ("32.2", .counter, 1_300, "bewohnerparken"),
            ("34", .counter, 1_450, "geburtsurkunde"), ("34", .phone, 2_600, "eheschliessung"),
            ("34", .post, 700, "sterbeurkunde"),
            ("63", .post, 380, "baugenehmigung"), ("63", .email, 260, nil), ("63", .onlinePortal, 40, "baugenehmigung"),
            ("22", .post, 1_200, "hundesteuer"), ("22", .phone, 2_400, nil),
            ("50", .counter, 2_300, "wohngeld"), ("50", .post, 1_700, "hilfe-lebensunterhalt"),
            ("51.1", .onlinePortal, 1_250, "kita-platz"), ("51.1", .phone, 3_100, "kita-platz"),
            ("80", .email, 520, nil), ("10.1", .specialistSoftware, 4_800, nil), ("66", .phone, 2_900, nil),
        ]
        return rows.enumerated().map { offset, row in
            EntryPoint(
                id: ID("E-\(offset + 1 < 10 ? "0" : "")\(offset + 1)"), unitID: ID(row.unit), channel: row.channel,
                volumePerYear: row.volume, serviceID: row.service.map { ID($0) })
        }
    }
}
