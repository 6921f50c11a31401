public import AmtswegCore

extension Musterstadt {
    /// Twelve processes over Musterstadt's services, captured as step lists, with Soll versions for five of
    /// them. The Ist processes show what the problem rules look for: the building permit crosses many desks
    /// and ping-pongs between case work and building technology, the trade registration is typed into two
    /// applications, the dog tax stays on paper beside a finance system, and most processes break media.
    public static func processes() -> [CapturedProcess] {
        [
            gewerbeIst, gewerbeSoll, wohnsitzIst, wohnsitzSoll, ausweisIst, bauIst, bauSoll, hundesteuerIst,
            hundesteuerSoll, kitaIst, kitaSoll, wohngeldIst, sondernutzungIst, geburtsurkundeIst, fundsachenIst,
            gaststaetteIst, bewohnerparkenIst,
        ]
    }

    /// A step: id, name, building block, position, medium, handling minutes, waiting minutes, and the rest.
    private static func step(
        _ id: String, _ name: String, _ block: String, _ position: String, _ medium: Medium, _ handling: Double,
        wait: Double = 0, apps: [String] = [], inputs: [String] = [], outputs: [String] = [], skills: [String] = [],
        legal: [String] = [], documents: [String] = [], accountable: [String] = []
    ) -> CapturedItem {
        let performer = Performer.position(ID(position))
        return .step(
            id: id, name: name,
            details: StepDetails(
                block: BuildingBlock.Key(block), performer: performer, applicationIDs: apps.map { ID($0) },
                inputIDs: inputs.map { ID($0) }, outputIDs: outputs.map { ID($0) }, medium: medium,
                handlingMinutes: handling, waitingMinutes: wait,
                responsibilities: [StepResponsibility(.responsible, performer)]
                    + accountable.map { StepResponsibility(.accountable, .position(ID($0))) },
                requiredSkills: skills.map { SkillRequirement(ID($0), level: .advanced) },
                documentIDs: documents.map { ID($0) }, legalBasisIDs: legal.map { ID($0) }))
    }

    private static let day = 8.0 * 60

    // MARK: - Gewerbe anmelden

    static let gewerbeIst = CapturedProcess(
        id: "gewerbe-anmeldung-ist", name: "Gewerbe anmelden (Ist)", serviceID: "gewerbe-anmeldung",
        ownerUnitID: "32.1",
        items: [
            step(
                "Eingang", "Gewerbeanzeige annehmen", "antrag-entgegennehmen", "10.2-2", .paper, 3, wait: day,
                outputs: ["Posteingang"]),
            step(
                "Pruefen", "Vollständigkeit prüfen", "vollstaendigkeit-pruefen", "32.1-2", .paper, 10, wait: 2 * day,
                inputs: ["Gewerbeanzeige"], skills: ["gewerberecht"], legal: ["gewo-14"], documents: ["gewa1"],
                accountable: ["32.1-1"]),
            .choice(
                question: "Unterlagen vollständig?",
                branches: [
                    CapturedBranch(label: "ja", share: 0.75, items: []),
                    CapturedBranch(
                        label: "nein", share: 0.25,
                        items: [
                            step(
                                "Nachfordern", "Unterlagen nachfordern", "unterlagen-nachfordern", "32.1-2", .paper, 8,
                                wait: 7 * day)
                        ]),
                ]),
            step(
                "Erfassen", "Gewerbeanzeige erfassen", "daten-erfassen", "32.1-2", .specialistSoftware, 12,
                apps: ["gewerbe"], inputs: ["Gewerbeanzeige"], skills: ["gewerberecht"], accountable: ["32.1-1"]),
            .parallel(branches: [
                CapturedBranch(
                    label: "Gebühr",
                    items: [
                        step(
                            "Gebuehr", "Gebühr anordnen", "gebuehr-erheben", "21-2", .paper, 6, wait: day,
                            outputs: ["Zahlungsanordnung"])
                    ]),
                CapturedBranch(
                    label: "Meldungen",
                    items: [
                        step(
                            "Steuer", "Gewerbesteuer-Stammdaten anlegen", "daten-erfassen", "22-3", .specialistSoftware,
                            9, wait: 3 * day, apps: ["finanz"], inputs: ["Gewerbeanzeige"]),
                        step(
                            "Informieren", "Finanzamt und IHK unterrichten", "informieren", "32.1-2", .paper, 7,
                            outputs: ["Gewerbeanzeige"]),
                    ]),
            ]),
            step(
                "Bestaetigen", "Empfangsbestätigung versenden", "zustellen", "32.1-2", .paper, 4,
                documents: ["bescheid-vorlage"]),
            step("Ablegen", "Akte ablegen", "archivieren", "10.2-3", .paper, 3, outputs: ["Akte"]),
        ])

    static let gewerbeSoll = CapturedProcess(
        id: "gewerbe-anmeldung-soll", name: "Gewerbe anmelden (Soll: online, E-Akte)", serviceID: "gewerbe-anmeldung",
        ownerUnitID: "32.1", state: .soll, istID: "gewerbe-anmeldung-ist",
        items: [
            step(
                "Eingang", "Online-Anzeige übernehmen", "antrag-entgegennehmen", "32.1-2", .portal, 2, apps: ["portal"],
                outputs: ["Gewerbeanzeige"], legal: ["ozg-1"]),
            step(
                "Pruefen", "Angaben prüfen", "inhaltlich-pruefen", "32.1-2", .specialistSoftware, 6,
                apps: ["gewerbe"], inputs: ["Gewerbeanzeige"], skills: ["gewerberecht"], legal: ["gewo-14"],
                accountable: ["32.1-1"]),
            .parallel(branches: [
                CapturedBranch(
                    label: "Gebühr",
                    items: [
                        step(
                            "Gebuehr", "Gebühr online einziehen", "zahlung-pruefen", "32.1-2", .specialistSoftware, 1,
                            apps: ["gewerbe"])
                    ]),
                CapturedBranch(
                    label: "Meldungen",
                    items: [
                        step(
                            "Informieren", "Datenübermittlung XGewerbeanzeige", "informieren", "32.1-2",
                            .specialistSoftware, 1, apps: ["gewerbe"], outputs: ["Gewerbeanzeige"])
                    ]),
            ]),
            step(
                "Bestaetigen", "Bestätigung ins Postfach", "zustellen", "32.1-2", .portal, 1, apps: ["portal"]),
            step("Ablegen", "E-Akte schließen", "archivieren", "32.1-2", .eFile, 1, apps: ["dms"]),
        ])

    // MARK: - Wohnsitz anmelden

    static let wohnsitzIst = CapturedProcess(
        id: "wohnsitz-anmeldung-ist", name: "Wohnsitz anmelden (Ist)", serviceID: "wohnsitz-anmeldung",
        ownerUnitID: "33",
        items: [
            step(
                "Termin", "Termin vergeben", "abstimmen", "33-2", .phone, 3, wait: 5 * day,
                inputs: ["Meldeschein"]),
            step(
                "Identitaet", "Ausweis und Wohnungsgeberbestätigung prüfen", "identitaet-pruefen", "33-2", .paper, 4,
                inputs: ["Meldeschein"], skills: ["melderecht"], legal: ["bmg-17"], documents: ["meldeschein"]),
            step(
                "Erfassen", "Anmeldung im Melderegister erfassen", "daten-erfassen", "33-2", .specialistSoftware, 7,
                apps: ["ewo"], inputs: ["Meldeschein"], skills: ["melderecht"]),
            step(
                "Bestaetigen", "Meldebestätigung drucken und aushändigen", "aushaendigen", "33-2", .paper, 2,
                outputs: ["Meldebestätigung"]),
        ])

    static let wohnsitzSoll = CapturedProcess(
        id: "wohnsitz-anmeldung-soll", name: "Wohnsitz anmelden (Soll: elektronische Wohnsitzanmeldung)",
        serviceID: "wohnsitz-anmeldung", ownerUnitID: "33", state: .soll, istID: "wohnsitz-anmeldung-ist",
        items: [
            step(
                "Eingang", "Online-Anmeldung mit eID übernehmen", "antrag-entgegennehmen", "33-2", .portal, 1,
                apps: ["portal"], outputs: ["Meldeschein"], legal: ["bmg-17", "ozg-1"]),
            step(
                "Pruefen", "Plausibilität prüfen", "inhaltlich-pruefen", "33-2", .specialistSoftware, 3, apps: ["ewo"],
                inputs: ["Meldeschein"], skills: ["melderecht"]),
            step(
                "Bestaetigen", "Meldebestätigung ins Postfach", "zustellen", "33-2", .portal, 0.5, apps: ["portal"],
                outputs: ["Meldebestätigung"]),
        ])

    // MARK: - Personalausweis

    static let ausweisIst = CapturedProcess(
        id: "personalausweis-ist", name: "Personalausweis beantragen (Ist)", serviceID: "personalausweis",
        ownerUnitID: "33",
        items: [
            step("Termin", "Termin vergeben", "abstimmen", "33-3", .phone, 3, wait: 4 * day),
            step(
                "Antrag", "Antrag mit Foto und Fingerabdrücken aufnehmen", "daten-erfassen", "33-3",
                .specialistSoftware, 15, apps: ["pass"], outputs: ["Ausweisantrag"], skills: ["melderecht"],
                legal: ["pauswg-9"]),
            step("Gebuehr", "Gebühr kassieren", "gebuehr-erheben", "33-3", .paper, 3),
            step(
                "Produktion", "Herstellung abwarten", "frist-abwarten", "33-3", .specialistSoftware, 0,
                wait: 15 * day, apps: ["pass"]),
            step(
                "Ausgabe", "Ausweis aushändigen", "aushaendigen", "33-3", .paper, 5, inputs: ["Ausweisdokument"]),
        ])

    // MARK: - Baugenehmigung

    static let bauIst = CapturedProcess(
        id: "baugenehmigung-ist", name: "Baugenehmigung (Ist)", serviceID: "baugenehmigung", ownerUnitID: "63",
        items: [
            step(
                "Eingang", "Bauantrag annehmen und scannen", "eingang-erfassen", "10.2-2", .paper, 10, wait: 2 * day,
                inputs: ["Bauantrag"], outputs: ["Posteingang"]),
            step(
                "Vollstaendigkeit", "Vollständigkeit prüfen", "vollstaendigkeit-pruefen", "63-2", .paper, 45,
                wait: 5 * day, inputs: ["Bauantrag"], skills: ["baurecht"], documents: ["checkliste-bau"],
                accountable: ["63-1"]),
            step(
                "Technik", "Bautechnische Prüfung", "inhaltlich-pruefen", "63-3", .paper, 120, wait: 10 * day,
                inputs: ["Bauantrag"], skills: ["bautechnik"]),
            step(
                "Rueckfrage", "Rückfragen der Technik klären", "abstimmen", "63-2", .phone, 30, wait: 3 * day,
                skills: ["baurecht"]),
            step(
                "Technik2", "Bautechnik abschließen", "inhaltlich-pruefen", "63-3", .paper, 30, wait: 4 * day,
                skills: ["bautechnik"]),
            .goBack(toStepID: "Vollstaendigkeit", share: 0.2, label: "Nachforderung nötig?"),
            .parallel(branches: [
                CapturedBranch(
                    label: "Planungsrecht",
                    items: [
                        step(
                            "Planung", "Stellungnahme Planungsrecht", "stellungnahme-abgeben", "61-2", .paper, 60,
                            wait: 10 * day, inputs: ["Bauantrag"], outputs: ["Stellungnahme"])
                    ]),
                CapturedBranch(
                    label: "Brandschutz",
                    items: [
                        step(
                            "Brandschutz", "Stellungnahme Brandschutz", "stellungnahme-abgeben", "37-2", .paper, 45,
                            wait: 8 * day, outputs: ["Stellungnahme"])
                    ]),
                CapturedBranch(
                    label: "Umwelt",
                    items: [
                        step(
                            "Umwelt", "Stellungnahme Naturschutz", "stellungnahme-abgeben", "67-2", .email, 40,
                            wait: 12 * day, outputs: ["Stellungnahme"])
                    ]),
            ]),
            step(
                "Entscheiden", "Genehmigung entscheiden", "entscheiden", "63-2", .paper, 60, wait: 3 * day,
                inputs: ["Stellungnahme"], skills: ["baurecht"], legal: ["bauo-64"], accountable: ["63-1", "D3-1"]),
            step(
                "Bescheid", "Baugenehmigung schreiben", "bescheid-erstellen", "63-2", .specialistSoftware, 40,
                apps: ["bau"], inputs: ["Bauantrag"], outputs: ["Baugenehmigung"], documents: ["bescheid-vorlage"]),
            step(
                "Gebuehr", "Gebührenbescheid erstellen", "gebuehr-erheben", "63-4", .paper, 20, wait: 2 * day,
                outputs: ["Gebührenbescheid"]),
            step(
                "Zustellen", "Bescheid zustellen", "zustellen", "10.2-2", .paper, 5, outputs: ["Baugenehmigung"]),
            step("Archiv", "Bauakte archivieren", "archivieren", "10.2-3", .paper, 15, outputs: ["Akte"]),
        ])

    static let bauSoll = CapturedProcess(
        id: "baugenehmigung-soll", name: "Baugenehmigung (Soll: digitaler Bauantrag)", serviceID: "baugenehmigung",
        ownerUnitID: "63", state: .soll, istID: "baugenehmigung-ist",
        items: [
            step(
                "Eingang", "Digitalen Bauantrag übernehmen (XBau)", "antrag-entgegennehmen", "63-2",
                .specialistSoftware, 5, apps: ["bau"], inputs: ["Bauantrag"], legal: ["ozg-1"]),
            step(
                "Vollstaendigkeit", "Vollständigkeit prüfen", "vollstaendigkeit-pruefen", "63-2", .specialistSoftware,
                30, wait: 2 * day, apps: ["bau"], inputs: ["Bauantrag"], skills: ["baurecht"],
                documents: ["checkliste-bau"], accountable: ["63-1"]),
            step(
                "Technik", "Bautechnische Prüfung", "inhaltlich-pruefen", "63-3", .specialistSoftware, 110,
                wait: 6 * day, apps: ["bau"], skills: ["bautechnik"]),
            .goBack(toStepID: "Vollstaendigkeit", share: 0.1, label: "Nachforderung nötig?"),
            .parallel(branches: [
                CapturedBranch(
                    label: "Planungsrecht",
                    items: [
                        step(
                            "Planung", "Stellungnahme Planungsrecht im Beteiligungsportal", "stellungnahme-abgeben",
                            "61-2", .specialistSoftware, 45, wait: 5 * day, apps: ["bau"], outputs: ["Stellungnahme"])
                    ]),
                CapturedBranch(
                    label: "Brandschutz",
                    items: [
                        step(
                            "Brandschutz", "Stellungnahme Brandschutz im Beteiligungsportal", "stellungnahme-abgeben",
                            "37-2", .specialistSoftware, 40, wait: 5 * day, apps: ["bau"], outputs: ["Stellungnahme"])
                    ]),
            ]),
            step(
                "Entscheiden", "Entscheiden und Bescheid erstellen", "entscheiden", "63-2", .specialistSoftware, 75,
                wait: day, apps: ["bau"], outputs: ["Baugenehmigung"], skills: ["baurecht"], legal: ["bauo-64"],
                accountable: ["63-1"]),
            step(
                "Zustellen", "Bescheid und Gebühr elektronisch zustellen", "zustellen", "63-2", .portal, 5,
                apps: ["portal"], outputs: ["Baugenehmigung", "Gebührenbescheid"]),
        ])

    // MARK: - Hundesteuer

    static let hundesteuerIst = CapturedProcess(
        id: "hundesteuer-ist", name: "Hund zur Hundesteuer anmelden (Ist)", serviceID: "hundesteuer",
        ownerUnitID: "22",
        items: [
            step(
                "Eingang", "Anmeldung aus der Post verteilen", "eingang-erfassen", "10.2-2", .paper, 2, wait: day,
                outputs: ["Posteingang"]),
            step(
                "Pruefen", "Anmeldung prüfen", "vollstaendigkeit-pruefen", "22-2", .paper, 8, wait: 3 * day,
                legal: ["hundesteuersatzung"], documents: ["hundesteuer-anmeldung"]),
            step(
                "Bescheid", "Steuerbescheid von Hand schreiben", "bescheid-erstellen", "22-2", .paper, 15,
                outputs: ["Steuerbescheid"]),
            step("Marke", "Steuermarke versenden", "zustellen", "10.2-2", .paper, 3),
            step(
                "Kasse", "Sollstellung in der Kasse", "daten-erfassen", "21-2", .specialistSoftware, 5, wait: 2 * day,
                apps: ["finanz"], inputs: ["Steuerbescheid"]),
        ])

    static let hundesteuerSoll = CapturedProcess(
        id: "hundesteuer-soll", name: "Hund zur Hundesteuer anmelden (Soll: online)", serviceID: "hundesteuer",
        ownerUnitID: "22", state: .soll, istID: "hundesteuer-ist",
        items: [
            step(
                "Eingang", "Online-Anmeldung übernehmen", "antrag-entgegennehmen", "22-2", .portal, 2, apps: ["portal"]),
            step(
                "Bescheid", "Bescheid im Finanzverfahren erzeugen", "bescheid-erstellen", "22-2", .specialistSoftware,
                4,
                apps: ["finanz"], outputs: ["Steuerbescheid"], legal: ["hundesteuersatzung"]),
            step("Marke", "Steuermarke versenden", "zustellen", "22-2", .paper, 2),
        ])

    // MARK: - Kita-Platz

    static let kitaIst = CapturedProcess(
        id: "kita-platz-ist", name: "Kita-Platz vergeben (Ist)", serviceID: "kita-platz", ownerUnitID: "51.1",
        items: [
            step(
                "Anmeldung", "Anmeldung im Kita-Portal prüfen", "vollstaendigkeit-pruefen", "51.1-2",
                .specialistSoftware, 6, apps: ["kita"], inputs: ["Kita-Anmeldung"], legal: ["kibiz"]),
            step(
                "Abstimmen", "Platzvergabe mit Trägern abstimmen", "beteiligen", "51.1-2", .email, 20, wait: 15 * day,
                inputs: ["Kita-Anmeldung"]),
            step(
                "Zusage", "Platzzusage schreiben", "bescheid-erstellen", "51.1-2", .paper, 10,
                outputs: ["Platzzusage"]),
            step(
                "Beitrag", "Elternbeitrag festsetzen", "gebuehr-erheben", "51.1-3", .specialistSoftware, 12,
                wait: 5 * day, apps: ["finanz"], inputs: ["Kita-Anmeldung"], outputs: ["Beitragsbescheid"]),
        ])

    static let kitaSoll = CapturedProcess(
        id: "kita-platz-soll", name: "Kita-Platz vergeben (Soll: gemeinsames Vergabeverfahren)",
        serviceID: "kita-platz", ownerUnitID: "51.1", state: .soll, istID: "kita-platz-ist",
        items: [
            step(
                "Anmeldung", "Anmeldung im Kita-Portal prüfen", "vollstaendigkeit-pruefen", "51.1-2",
                .specialistSoftware, 5, apps: ["kita"], inputs: ["Kita-Anmeldung"], legal: ["kibiz"]),
            step(
                "Vergabe", "Plätze im gemeinsamen Verfahren vergeben", "entscheiden", "51.1-2", .specialistSoftware, 8,
                wait: 5 * day, apps: ["kita"], outputs: ["Platzzusage"]),
            step(
                "Beitrag", "Elternbeitrag aus den Portaldaten festsetzen", "gebuehr-erheben", "51.1-3",
                .specialistSoftware, 5, apps: ["kita"], inputs: ["Kita-Anmeldung"], outputs: ["Beitragsbescheid"]),
        ])

    // MARK: - More Ist processes

    static let wohngeldIst = CapturedProcess(
        id: "wohngeld-ist", name: "Wohngeld (Mietzuschuss) bewilligen", serviceID: "wohngeld", ownerUnitID: "50",
        items: [
            step(
                "Eingang", "Antrag annehmen", "antrag-entgegennehmen", "50-2", .paper, 5, wait: 2 * day,
                inputs: ["Antrag auf Wohngeld"], documents: ["wohngeldantrag"]),
            step(
                "Pruefen", "Einkommen und Miete prüfen", "inhaltlich-pruefen", "50-2", .paper, 60, wait: 10 * day,
                skills: ["wohngeldrecht"], legal: ["wogg-22"], accountable: ["50-1"]),
            .choice(
                question: "Nachweise vollständig?",
                branches: [
                    CapturedBranch(label: "ja", share: 0.6, items: []),
                    CapturedBranch(
                        label: "nein", share: 0.4,
                        items: [
                            step(
                                "Nachfordern", "Nachweise anfordern", "unterlagen-nachfordern", "50-2", .paper, 10,
                                wait: 15 * day)
                        ]),
                ]),
            step(
                "Berechnen", "Wohngeld berechnen", "daten-erfassen", "50-2", .specialistSoftware, 25,
                apps: ["wohngeld"], inputs: ["Antrag auf Wohngeld"], outputs: ["Wohngeldbescheid"]),
            step(
                "Bescheid", "Bescheid versenden", "zustellen", "10.2-2", .paper, 3, outputs: ["Wohngeldbescheid"]),
        ])

    static let sondernutzungIst = CapturedProcess(
        id: "sondernutzung-ist", name: "Sondernutzung einer Straße erlauben", serviceID: "sondernutzung",
        ownerUnitID: "32.2",
        items: [
            step(
                "Eingang", "Antrag per E-Mail annehmen", "antrag-entgegennehmen", "32.2-3", .email, 4,
                inputs: ["Antrag auf Sondernutzung"]),
            step(
                "Tiefbau", "Stellungnahme Tiefbau einholen", "beteiligen", "66-2", .email, 20, wait: 6 * day,
                outputs: ["Stellungnahme"]),
            step(
                "Erlaubnis", "Erlaubnis schreiben", "bescheid-erstellen", "32.2-3", .paper, 20,
                outputs: ["Sondernutzungserlaubnis"], legal: ["strwg-18"]),
            step(
                "Gebuehr", "Gebühr anordnen", "gebuehr-erheben", "21-2", .specialistSoftware, 5, apps: ["finanz"],
                outputs: ["Zahlungsanordnung"]),
        ])

    static let geburtsurkundeIst = CapturedProcess(
        id: "geburtsurkunde-ist", name: "Geburtsurkunde ausstellen", serviceID: "geburtsurkunde", ownerUnitID: "34",
        items: [
            step(
                "Antrag", "Antrag annehmen", "antrag-entgegennehmen", "34-2", .paper, 3),
            step(
                "Register", "Eintrag im Personenstandsregister suchen", "register-abfragen", "34-2",
                .specialistSoftware, 5, apps: ["personenstand"], skills: ["personenstandsrecht"], legal: ["pstg-55"]),
            step(
                "Urkunde", "Urkunde drucken und beglaubigen", "bescheid-erstellen", "34-1", .paper, 4,
                outputs: ["Personenstandsurkunde"], skills: ["personenstandsrecht"]),
            step("Gebuehr", "Gebühr kassieren", "gebuehr-erheben", "34-2", .paper, 2),
        ])

    static let fundsachenIst = CapturedProcess(
        id: "fundsachen-ist", name: "Fundsache annehmen und herausgeben", serviceID: "fundsachen",
        items: [
            step("Annahme", "Fundsache annehmen", "antrag-entgegennehmen", "33-4", .paper, 5, outputs: ["Fundanzeige"]),
            step("Liste", "In Fundliste eintragen", "daten-erfassen", "33-4", .paper, 3),
            step(
                "Frist", "Aufbewahrungsfrist abwarten", "frist-abwarten", "33-4", .paper, 0, wait: 60 * day),
            step("Herausgabe", "Fundsache herausgeben oder verwerten", "aushaendigen", "33-4", .paper, 8),
        ])

    static let gaststaetteIst = CapturedProcess(
        id: "gaststaette-ist", name: "Gaststättenerlaubnis erteilen", serviceID: "gaststaette", ownerUnitID: "32.1",
        items: [
            step(
                "Eingang", "Antrag annehmen", "antrag-entgegennehmen", "32.1-3", .paper, 10,
                inputs: ["Gaststättenerlaubnis"]),
            .parallel(branches: [
                CapturedBranch(
                    label: "Polizei",
                    items: [
                        step(
                            "Polizei", "Auskunft der Polizei einholen", "beteiligen", "32.1-3", .paper, 10,
                            wait: 10 * day)
                    ]),
                CapturedBranch(
                    label: "Bauordnung",
                    items: [
                        step(
                            "Bau", "Stellungnahme Bauordnung", "stellungnahme-abgeben", "63-2", .paper, 30,
                            wait: 8 * day, outputs: ["Stellungnahme"])
                    ]),
            ]),
            step(
                "Erlaubnis", "Erlaubnis erteilen", "bescheid-erstellen", "32.1-3", .specialistSoftware, 45,
                apps: ["gewerbe"], outputs: ["Gaststättenerlaubnis"], skills: ["gewerberecht"], legal: ["gastg-2"]),
        ])

    static let bewohnerparkenIst = CapturedProcess(
        id: "bewohnerparken-ist", name: "Bewohnerparkausweis ausstellen", serviceID: "bewohnerparken",
        ownerUnitID: "32.2",
        items: [
            step(
                "Antrag", "Antrag am Schalter prüfen", "vollstaendigkeit-pruefen", "32.2-2", .paper, 6,
                inputs: ["Meldebestätigung"]),
            step(
                "Melderegister", "Wohnsitz im Melderegister nachfragen", "register-abfragen", "33-2", .phone, 4,
                wait: day),
            step("Ausweis", "Parkausweis drucken", "aushaendigen", "32.2-2", .paper, 4),
            step("Gebuehr", "Gebühr kassieren", "gebuehr-erheben", "32.2-2", .paper, 2),
        ])
}
