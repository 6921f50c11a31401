import AmtswegCore

extension Musterstadt {
    private typealias FlowRow = (
        from: String, to: String, object: String?, channel: Channel, medium: Medium,
        frequency: Int, service: String?
    )

    /// Information flows. Endpoints are written "u:<unit>", "p:<position>" or "x:<external party>".
    static func flows() -> [InformationFlow] {
        let rows: [FlowRow] = citizenServices + buildingPermit + internalBusiness + centralPost
        return rows.enumerated().map { offset, row in
            InformationFlow(
                id: ID("F-" + String(repeating: "0", count: 3 - String(offset + 1).count) + String(offset + 1)),
                from: endpoint(row.from), to: endpoint(row.to), objectID: row.object.map { ID($0) },
                channel: row.channel, medium: row.medium, frequencyPerYear: row.frequency,
                serviceID: row.service.map { ID($0) })
        }
    }

    private static func endpoint(_ text: String) -> FlowEndpoint {
        let id = String(text.dropFirst(2))
        switch text.prefix(2) {
        case "u:": return .unit(ID(id))
        case "p:": return .position(ID(id))
        default: return .external(ID(id))
        }
    }

    private static let citizenServices: [FlowRow] = [
        ("x:buerger", "p:33-2", "Meldeschein", .counter, .paper, 38_500, "wohnsitz-anmeldung"),
        ("x:buerger", "p:33-2", "Meldeschein", .onlinePortal, .portal, 2_100, "wohnsitz-anmeldung"),
        ("p:33-2", "x:buerger", "Meldebestätigung", .counter, .paper, 40_600, "wohnsitz-anmeldung"),
        (
            "p:33-2", "x:finanzamt", "Meldeschein", .specialistSoftware, .specialistSoftware, 40_600,
            "wohnsitz-anmeldung"
        ),
        ("p:33-2", "u:22", "Meldeschein", .post, .paper, 1_800, "hundesteuer"),
        ("p:33-2", "x:buerger", "Meldebestätigung", .post, .paper, 1_900, "meldebestaetigung"),
        ("x:buerger", "p:33-3", "Ausweisantrag", .counter, .paper, 16_200, "personalausweis"),
        (
            "p:33-3", "x:bundesdruckerei", "Ausweisantrag", .specialistSoftware, .specialistSoftware, 16_200,
            "personalausweis"
        ),
        ("x:bundesdruckerei", "p:33-3", "Ausweisdokument", .post, .paper, 16_200, "personalausweis"),
        ("p:33-3", "x:buerger", "Ausweisdokument", .counter, .paper, 16_200, "personalausweis"),
        ("x:buerger", "p:33-3", "Ausweisantrag", .counter, .paper, 5_100, "reisepass"),
        ("p:33-3", "x:bundesdruckerei", "Ausweisantrag", .specialistSoftware, .specialistSoftware, 5_100, "reisepass"),
        ("p:33-3", "p:21-2", "Zahlungsanordnung", .post, .paper, 21_300, "personalausweis"),
        ("x:buerger", "p:33-4", "Fundanzeige", .counter, .paper, 900, "fundsachen"),
        ("x:polizei", "p:33-4", "Fundanzeige", .post, .paper, 350, "fundsachen"),
        ("x:buerger", "p:33-2", "Führungszeugnis-Antrag", .counter, .paper, 2_400, "fuehrungszeugnis"),
        (
            "p:33-2", "x:bundesamt-justiz", "Führungszeugnis-Antrag", .specialistSoftware, .specialistSoftware, 2_400,
            "fuehrungszeugnis"
        ),
        ("x:unternehmen", "p:32.1-2", "Gewerbeanzeige", .counter, .paper, 1_150, "gewerbe-anmeldung"),
        ("x:unternehmen", "p:32.1-2", "Gewerbeanzeige", .onlinePortal, .portal, 420, "gewerbe-anmeldung"),
        ("p:32.1-2", "x:finanzamt", "Gewerbeanzeige", .post, .paper, 1_570, "gewerbe-anmeldung"),
        ("p:32.1-2", "x:ihk", "Gewerbeanzeige", .email, .email, 1_570, "gewerbe-anmeldung"),
        ("p:32.1-2", "p:22-3", "Gewerbeanzeige", .post, .paper, 1_570, "gewerbe-anmeldung"),
        ("p:32.1-2", "u:80", "Gewerbeanzeige", .email, .email, 1_570, "gewerbe-anmeldung"),
        ("p:32.1-2", "p:21-2", "Zahlungsanordnung", .post, .paper, 1_570, "gewerbe-anmeldung"),
        ("x:unternehmen", "p:32.1-2", "Gewerbeanzeige", .post, .paper, 980, "gewerbe-abmeldung"),
        ("p:32.1-2", "p:22-3", "Gewerbeanzeige", .post, .paper, 980, "gewerbe-abmeldung"),
        ("x:unternehmen", "p:32.1-3", "Gaststättenerlaubnis", .post, .paper, 60, "gaststaette"),
        ("p:32.1-3", "p:37-2", "Stellungnahme", .email, .email, 60, "gaststaette"),
        ("p:32.1-3", "x:polizei", "Stellungnahme", .post, .paper, 60, "gaststaette"),
        ("p:32.1-3", "p:63-2", "Stellungnahme", .email, .email, 45, "gaststaette"),
        ("p:32.1-3", "x:unternehmen", "Gaststättenerlaubnis", .post, .paper, 60, "gaststaette"),
        ("x:buerger", "p:34-2", "Personenstandsurkunde", .counter, .paper, 1_450, "geburtsurkunde"),
        (
            "p:34-2", "p:33-2", "Personenstandsurkunde", .specialistSoftware, .specialistSoftware, 1_450,
            "geburtsurkunde"
        ),
        ("x:buerger", "p:34-1", "Personenstandsurkunde", .phone, .phone, 2_600, "eheschliessung"),
        ("p:34-1", "p:33-2", "Personenstandsurkunde", .specialistSoftware, .specialistSoftware, 240, "eheschliessung"),
        ("x:buerger", "p:34-2", "Sterbefallanzeige", .post, .paper, 700, "sterbeurkunde"),
        ("p:34-2", "p:33-2", "Sterbefallanzeige", .specialistSoftware, .specialistSoftware, 700, "sterbeurkunde"),
        ("p:34-2", "x:rentenversicherung", "Sterbefallanzeige", .post, .paper, 700, "sterbeurkunde"),
        ("x:buerger", "p:22-2", "Steuerbescheid", .post, .paper, 1_200, "hundesteuer"),
        ("p:22-2", "x:buerger", "Steuerbescheid", .post, .paper, 1_200, "hundesteuer"),
        ("p:22-2", "p:21-2", "Zahlungsanordnung", .post, .paper, 1_200, "hundesteuer"),
        ("x:eltern", "p:51.1-2", "Kita-Anmeldung", .onlinePortal, .portal, 1_250, "kita-platz"),
        ("p:51.1-2", "x:kita-traeger", "Kita-Anmeldung", .email, .email, 1_250, "kita-platz"),
        ("x:kita-traeger", "p:51.1-2", "Platzzusage", .email, .email, 1_100, "kita-platz"),
        ("p:51.1-2", "x:eltern", "Platzzusage", .post, .paper, 1_100, "kita-platz"),
        ("p:51.1-2", "p:51.1-3", "Platzzusage", .post, .paper, 1_100, "elternbeitrag"),
        ("p:51.1-3", "x:eltern", "Beitragsbescheid", .post, .paper, 1_100, "elternbeitrag"),
        ("p:51.1-3", "p:21-2", "Zahlungsanordnung", .post, .paper, 1_100, "elternbeitrag"),
        ("x:buerger", "p:50-2", "Antrag auf Wohngeld", .counter, .paper, 2_300, "wohngeld"),
        ("p:50-2", "p:33-2", "Meldebestätigung", .phone, .phone, 600, "wohngeld"),
        ("p:50-2", "x:buerger", "Wohngeldbescheid", .post, .paper, 2_300, "wohngeld"),
        ("p:50-2", "p:21-2", "Zahlungsanordnung", .specialistSoftware, .specialistSoftware, 2_000, "wohngeld"),
        ("x:buerger", "p:50-3", "Sozialhilfeantrag", .post, .paper, 1_700, "hilfe-lebensunterhalt"),
        ("p:50-3", "x:rentenversicherung", "Stellungnahme", .post, .paper, 400, "hilfe-lebensunterhalt"),
        (
            "p:50-3", "p:21-2", "Zahlungsanordnung", .specialistSoftware, .specialistSoftware, 1_500,
            "hilfe-lebensunterhalt"
        ),
        ("x:unternehmen", "p:32.2-3", "Antrag auf Sondernutzung", .email, .email, 880, "sondernutzung"),
        ("p:32.2-3", "p:66-2", "Antrag auf Sondernutzung", .email, .email, 880, "sondernutzung"),
        ("p:66-2", "p:32.2-3", "Stellungnahme", .email, .email, 880, "sondernutzung"),
        ("p:32.2-3", "u:67", "Antrag auf Sondernutzung", .post, .paper, 210, "sondernutzung"),
        ("p:32.2-3", "x:unternehmen", "Sondernutzungserlaubnis", .post, .paper, 880, "sondernutzung"),
        ("p:32.2-3", "p:21-2", "Zahlungsanordnung", .post, .paper, 880, "sondernutzung"),
        ("x:buerger", "p:32.2-2", "Antrag auf Sondernutzung", .counter, .paper, 1_300, "bewohnerparken"),
        ("p:32.2-2", "p:33-2", "Meldebestätigung", .phone, .phone, 1_300, "bewohnerparken"),
    ]

    /// The building permit: seven units and two outside bodies take part.
    private static let buildingPermit: [FlowRow] = [
        ("x:bauherr", "u:10.2", "Bauantrag", .post, .paper, 380, "baugenehmigung"),
        ("u:10.2", "p:63-2", "Bauantrag", .post, .paper, 380, "baugenehmigung"),
        ("x:bauherr", "p:63-2", "Bauantrag", .onlinePortal, .portal, 40, "baugenehmigung"),
        ("p:63-2", "p:61-2", "Bauantrag", .post, .paper, 420, "baugenehmigung"),
        ("p:61-2", "p:63-2", "Stellungnahme", .post, .paper, 420, "baugenehmigung"),
        ("p:63-2", "p:66-3", "Bauantrag", .post, .paper, 260, "baugenehmigung"),
        ("p:66-3", "p:63-2", "Stellungnahme", .email, .email, 260, "baugenehmigung"),
        ("p:63-2", "p:67-2", "Bauantrag", .post, .paper, 190, "baugenehmigung"),
        ("p:67-2", "p:63-2", "Stellungnahme", .post, .paper, 190, "baugenehmigung"),
        ("p:63-2", "p:37-2", "Bauantrag", .email, .email, 150, "baugenehmigung"),
        ("p:37-2", "p:63-2", "Stellungnahme", .email, .email, 150, "baugenehmigung"),
        ("p:63-2", "x:landkreis", "Bauantrag", .post, .paper, 90, "baugenehmigung"),
        ("x:landkreis", "p:63-2", "Stellungnahme", .post, .paper, 90, "baugenehmigung"),
        ("p:63-2", "p:63-3", "Bauantrag", .eFile, .eFile, 420, "baugenehmigung"),
        ("p:63-3", "p:63-2", "Stellungnahme", .eFile, .eFile, 420, "baugenehmigung"),
        ("p:63-2", "p:63-4", "Akte", .post, .paper, 420, "baugenehmigung"),
        ("p:63-4", "u:21", "Gebührenbescheid", .post, .paper, 420, "baugenehmigung"),
        ("p:63-2", "x:bauherr", "Baugenehmigung", .post, .paper, 400, "baugenehmigung"),
        ("p:63-2", "u:30", "Akte", .post, .paper, 25, "baugenehmigung"),
        ("x:bauherr", "p:63-2", "Bauantrag", .post, .paper, 70, "abbruchgenehmigung"),
        ("p:63-2", "p:67-3", "Bauantrag", .post, .paper, 70, "abbruchgenehmigung"),
        ("p:63-2", "x:bauherr", "Baugenehmigung", .post, .paper, 70, "abbruchgenehmigung"),
    ]

    /// Work that keeps the house running: money, staff, IT, law, planning.
    private static let internalBusiness: [FlowRow] = [
        ("u:20", "u:10", "Haushaltsansatz", .email, .email, 12, nil),
        ("u:20", "u:11", "Haushaltsansatz", .email, .email, 12, nil),
        ("u:20", "u:32", "Haushaltsansatz", .email, .email, 12, nil),
        ("u:20", "u:50", "Haushaltsansatz", .email, .email, 12, nil),
        ("u:20", "u:51", "Haushaltsansatz", .email, .email, 12, nil),
        ("u:20", "u:63", "Haushaltsansatz", .email, .email, 12, nil),
        ("u:20", "u:66", "Haushaltsansatz", .email, .email, 12, nil),
        ("u:20", "u:37", "Haushaltsansatz", .email, .email, 12, nil),
        ("p:21-2", "p:20-2", "Kontoauszug", .specialistSoftware, .specialistSoftware, 250, nil),
        ("x:bank", "p:21-2", "Kontoauszug", .specialistSoftware, .specialistSoftware, 250, nil),
        ("p:21-3", "x:buerger", "Mahnung", .post, .paper, 6_400, nil),
        ("p:21-3", "p:22-2", "Mahnung", .post, .paper, 300, nil),
        ("p:22-3", "p:21-2", "Zahlungsanordnung", .specialistSoftware, .specialistSoftware, 9_000, nil),
        ("p:22-3", "x:unternehmen", "Steuerbescheid", .post, .paper, 3_400, nil),
        ("x:finanzamt", "p:22-3", "Steuerbescheid", .post, .paper, 3_400, nil),
        ("p:20-2", "p:14-2", "Prüfbericht", .post, .paper, 4, nil),
        ("p:21-1", "p:14-2", "Kontoauszug", .post, .paper, 12, nil),
        ("p:14-1", "p:D1-1", "Prüfbericht", .post, .paper, 2, nil),
        ("u:32", "u:11", "Stellenanforderung", .post, .paper, 6, nil),
        ("u:33", "u:11", "Stellenanforderung", .post, .paper, 8, nil),
        ("u:50", "u:11", "Stellenanforderung", .post, .paper, 5, nil),
        ("u:51", "u:11", "Stellenanforderung", .post, .paper, 7, nil),
        ("u:63", "u:11", "Stellenanforderung", .post, .paper, 4, nil),
        ("p:11-3", "p:21-2", "Zahlungsanordnung", .specialistSoftware, .specialistSoftware, 12, nil),
        ("p:11-2", "p:10.1-2", "Stellenanforderung", .email, .email, 40, nil),
        ("u:33", "p:10.1-3", "IT-Störungsmeldung", .specialistSoftware, .specialistSoftware, 1_100, nil),
        ("u:50", "p:10.1-3", "IT-Störungsmeldung", .specialistSoftware, .specialistSoftware, 600, nil),
        ("u:63", "p:10.1-3", "IT-Störungsmeldung", .specialistSoftware, .specialistSoftware, 350, nil),
        ("u:21", "p:10.1-3", "IT-Störungsmeldung", .specialistSoftware, .specialistSoftware, 300, nil),
        ("u:51", "p:10.1-3", "IT-Störungsmeldung", .specialistSoftware, .specialistSoftware, 500, nil),
        ("u:32", "p:10.1-3", "IT-Störungsmeldung", .phone, .phone, 400, nil),
        ("p:SD-2", "p:10.1-2", "Stellungnahme", .email, .email, 24, nil),
        ("p:SD-1", "p:D1-1", "Prüfbericht", .email, .email, 4, nil),
        ("p:SD-2", "u:33", "Stellungnahme", .email, .email, 6, nil),
        ("u:32", "p:30-2", "Rechtsgutachten", .email, .email, 45, nil),
        ("u:50", "p:30-2", "Rechtsgutachten", .email, .email, 30, nil),
        ("p:30-2", "u:32", "Rechtsgutachten", .post, .paper, 45, nil),
        ("p:30-2", "u:50", "Rechtsgutachten", .post, .paper, 30, nil),
        ("p:61-3", "p:66-3", "Bebauungsplan", .email, .email, 8, nil),
        ("p:61-3", "p:67-2", "Bebauungsplan", .email, .email, 8, nil),
        ("p:61-3", "x:landkreis", "Bebauungsplan", .post, .paper, 8, nil),
        ("p:80-2", "p:61-2", "Stellungnahme", .email, .email, 20, nil),
        ("p:51-2", "p:50-3", "Akte", .post, .paper, 140, nil),
        ("p:50-3", "p:51-2", "Akte", .post, .paper, 90, nil),
        ("p:51-2", "x:polizei", "Stellungnahme", .phone, .phone, 60, nil),
        ("u:51.1", "u:20", "Haushaltsansatz", .email, .email, 4, nil),
        ("p:37-2", "p:63-3", "Prüfbericht", .post, .paper, 80, nil),
        ("p:32.2-2", "x:polizei", "Verkehrsrechtliche Anordnung", .email, .email, 350, nil),
        ("p:32.2-2", "p:66-2", "Verkehrsrechtliche Anordnung", .post, .paper, 350, nil),
    ]

    /// The central post office opens all paper mail and carries it between units — the house's hub.
    private static let centralPost: [FlowRow] = [
        ("x:buerger", "u:10.2", "Posteingang", .post, .paper, 30_000, nil),
        ("x:unternehmen", "u:10.2", "Posteingang", .post, .paper, 12_000, nil),
        ("x:finanzamt", "u:10.2", "Posteingang", .post, .paper, 2_500, nil),
        ("u:10.2", "u:33", "Posteingang", .post, .paper, 9_000, nil),
        ("u:10.2", "u:22", "Posteingang", .post, .paper, 6_000, nil),
        ("u:10.2", "u:50", "Posteingang", .post, .paper, 5_500, nil),
        ("u:10.2", "u:51", "Posteingang", .post, .paper, 3_800, nil),
        ("u:10.2", "u:32", "Posteingang", .post, .paper, 4_100, nil),
        ("u:10.2", "u:34", "Posteingang", .post, .paper, 1_900, nil),
        ("u:10.2", "u:21", "Posteingang", .post, .paper, 4_400, nil),
        ("u:10.2", "u:11", "Posteingang", .post, .paper, 2_200, nil),
        ("u:10.2", "u:61", "Posteingang", .post, .paper, 900, nil),
        ("u:10.2", "u:66", "Posteingang", .post, .paper, 1_300, nil),
        ("u:10.2", "u:67", "Posteingang", .post, .paper, 800, nil),
        ("u:10.2", "u:80", "Posteingang", .post, .paper, 600, nil),
        ("u:10.2", "u:37", "Posteingang", .post, .paper, 500, nil),
        ("u:10.2", "u:14", "Posteingang", .post, .paper, 150, nil),
        ("u:10.2", "u:SD", "Posteingang", .post, .paper, 80, nil),
        ("u:10.2", "u:D1", "Posteingang", .post, .paper, 1_200, nil),
        ("u:33", "u:10.2", "Posteingang", .post, .paper, 7_000, nil),
        ("u:50", "u:10.2", "Posteingang", .post, .paper, 4_000, nil),
        ("u:63", "u:10.2", "Posteingang", .post, .paper, 1_800, nil),
        ("u:22", "u:10.2", "Posteingang", .post, .paper, 5_200, nil),
        ("u:10.2", "x:buerger", "Posteingang", .post, .paper, 26_000, nil),
        ("p:10.2-3", "u:30", "Akte", .post, .paper, 200, nil),
    ]
}
