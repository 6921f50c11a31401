import AmtswegCore

extension Musterstadt {
    /// Specialist applications, documents, legal bases and skills of Musterstadt. The Steueramt uses the
    /// finance system yet keeps the dog tax on paper, and only one position masters building technology —
    /// so the problem rules have something to find.
    static func catalogue() -> EnrichCatalogue {
        EnrichCatalogue(
            applications: [
                Application(
                    id: "ewo", name: "Einwohnerwesen (EWO)", vendor: "Kommunaler IT-Dienstleister",
                    standards: ["XMeld"], unitIDs: ["33"]),
                Application(
                    id: "pass", name: "Pass- und Ausweisverfahren", vendor: "Kommunaler IT-Dienstleister",
                    standards: ["XhD"], unitIDs: ["33"]),
                Application(
                    id: "gewerbe", name: "Gewerbeverfahren", vendor: "Kommunaler IT-Dienstleister",
                    standards: ["XGewerbeanzeige"], unitIDs: ["32.1"]),
                Application(
                    id: "bau", name: "Baugenehmigungsverfahren", vendor: "Fachsoftware Bau GmbH", standards: ["XBau"],
                    unitIDs: ["63"]),
                Application(
                    id: "dms", name: "E-Akte (DMS)", vendor: "Landeslösung", standards: ["XDOMEA"],
                    unitIDs: ["10.2", "32.1", "63", "50", "SD"]),
                Application(
                    id: "finanz", name: "Finanzverfahren (Haushalt, Kasse, Steuern)", vendor: "Finanzsoftware AG",
                    standards: ["XRechnung"], unitIDs: ["20", "21", "22"]),
                Application(
                    id: "kita", name: "Kita-Portal und Platzvergabe", vendor: "Kita-Software e.G.", unitIDs: ["51.1"]),
                Application(
                    id: "wohngeld", name: "Wohngeldverfahren", vendor: "Landeslösung", standards: ["XSozial"],
                    unitIDs: ["50"]),
                Application(
                    id: "personenstand", name: "Personenstandsregister", vendor: "Kommunaler IT-Dienstleister",
                    standards: ["XPersonenstand"], unitIDs: ["34"]),
                Application(
                    id: "portal", name: "Serviceportal der Stadt", vendor: "Landeslösung",
                    standards: ["FIM", "XZuFi"], unitIDs: ["SD"]),
            ],
            documents: [
                Document(
                    id: "gewa1", name: "Gewerbeanmeldung (GewA 1)", kind: .form, informationObjectID: "Gewerbeanzeige"),
                Document(id: "meldeschein", name: "Meldeschein", kind: .form, informationObjectID: "Meldeschein"),
                Document(id: "bauantrag", name: "Bauantragsformular", kind: .form, informationObjectID: "Bauantrag"),
                Document(
                    id: "wohngeldantrag", name: "Antrag auf Mietzuschuss", kind: .form,
                    informationObjectID: "Antrag auf Wohngeld"),
                Document(id: "hundesteuer-anmeldung", name: "Anmeldung zur Hundesteuer", kind: .form),
                Document(id: "bescheid-vorlage", name: "Bescheidvorlage mit Rechtsbehelfsbelehrung", kind: .template),
                Document(id: "checkliste-bau", name: "Checkliste Vollständigkeit Bauantrag", kind: .checklist),
            ],
            legalBases: [
                LegalBasis(
                    id: "gewo-14", law: "GewO", paragraph: "§ 14",
                    url: "https://www.gesetze-im-internet.de/gewo/__14.html"),
                LegalBasis(
                    id: "bmg-17", law: "BMG", paragraph: "§ 17", url: "https://www.gesetze-im-internet.de/bmg/__17.html"
                ),
                LegalBasis(
                    id: "pauswg-9", law: "PAuswG", paragraph: "§ 9",
                    url: "https://www.gesetze-im-internet.de/pauswg/__9.html"),
                LegalBasis(id: "bauo-64", law: "BauO NRW", paragraph: "§ 64"),
                LegalBasis(
                    id: "wogg-22", law: "WoGG", paragraph: "§ 22",
                    url: "https://www.gesetze-im-internet.de/wogg/__22.html"),
                LegalBasis(id: "hundesteuersatzung", law: "Hundesteuersatzung der Stadt Musterstadt", paragraph: "§ 8"),
                LegalBasis(
                    id: "gastg-2", law: "GastG", paragraph: "§ 2",
                    url: "https://www.gesetze-im-internet.de/gastg/__2.html"),
                LegalBasis(
                    id: "pstg-55", law: "PStG", paragraph: "§ 55",
                    url: "https://www.gesetze-im-internet.de/pstg/__55.html"),
                LegalBasis(id: "strwg-18", law: "StrWG NRW", paragraph: "§ 18"),
                LegalBasis(id: "kibiz", law: "KiBiz", paragraph: "§ 3"),
                LegalBasis(
                    id: "ozg-1", law: "OZG", paragraph: "§ 1", url: "https://www.gesetze-im-internet.de/ozg/__1.html"),
            ],
            skills: [
                Skill(id: "gewerberecht", name: "Gewerberecht"),
                Skill(id: "melderecht", name: "Melde- und Passrecht"),
                Skill(id: "baurecht", name: "Bauordnungsrecht"),
                Skill(id: "bautechnik", name: "Bautechnische Prüfung"),
                Skill(id: "wohngeldrecht", name: "Wohngeldrecht"),
                Skill(id: "personenstandsrecht", name: "Personenstandsrecht"),
                Skill(id: "kommunalsteuern", name: "Kommunalabgabenrecht"),
                Skill(id: "e-akte", name: "Arbeiten mit der E-Akte"),
            ],
            skillHoldings: [
                SkillHolding(positionID: "32.1-1", skillID: "gewerberecht", level: .expert),
                SkillHolding(positionID: "32.1-2", skillID: "gewerberecht", level: .proficient),
                SkillHolding(positionID: "32.1-3", skillID: "gewerberecht", level: .advanced),
                SkillHolding(positionID: "33-2", skillID: "melderecht", level: .proficient),
                SkillHolding(positionID: "33-3", skillID: "melderecht", level: .proficient),
                SkillHolding(positionID: "63-1", skillID: "baurecht", level: .expert),
                SkillHolding(positionID: "63-2", skillID: "baurecht", level: .proficient),
                SkillHolding(positionID: "63-3", skillID: "bautechnik", level: .expert),
                SkillHolding(positionID: "50-2", skillID: "wohngeldrecht", level: .proficient),
                SkillHolding(positionID: "50-1", skillID: "wohngeldrecht", level: .advanced),
                SkillHolding(positionID: "34-1", skillID: "personenstandsrecht", level: .expert),
                SkillHolding(positionID: "34-2", skillID: "personenstandsrecht", level: .advanced),
                SkillHolding(positionID: "22-2", skillID: "kommunalsteuern", level: .proficient),
                SkillHolding(positionID: "22-3", skillID: "kommunalsteuern", level: .proficient),
                SkillHolding(positionID: "10.2-3", skillID: "e-akte", level: .proficient),
                SkillHolding(positionID: "32.1-2", skillID: "e-akte", level: .basic),
            ])
    }

    /// Cases per year of the services, from the entry points and the town's statistics.
    static let casesPerYear: [String: Int] = [
        "gewerbe-anmeldung": 1_570, "gewerbe-abmeldung": 1_100, "gaststaette": 45, "wohnsitz-anmeldung": 40_600,
        "meldebestaetigung": 1_900, "personalausweis": 16_200, "reisepass": 5_400, "fundsachen": 900,
        "geburtsurkunde": 1_450, "baugenehmigung": 420, "hundesteuer": 1_200, "kita-platz": 1_250,
        "sondernutzung": 880, "bewohnerparken": 1_300, "wohngeld": 2_300,
    ]
}
