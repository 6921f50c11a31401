public import AmtswegCore

extension Musterstadt {
    /// An excerpt of the OZG catalogue (OZG-Umsetzungskatalog with its LeiKa mapping, as of 20 December 2019):
    /// the entries of Musterstadt's services with their OZG-Leistungen, Lagen and Themenfelder, so the demo shows
    /// the OZG dashboard without the whole catalogue, which `amtsweg ozg import` reads from its CSV files.
    public static func ozgCatalogue() -> OZGCatalogue {
        OZGCatalogue(
            snapshot: .init(
                source: "Auszug aus dem OZG-Umsetzungskatalog mit LeiKa-Zuordnung (OZG-Datenbank NRW, KDN)",
                asOf: Day("2019-12-20")),
            topics: [
                OZGTopic(id: 1, name: "Arbeit & Ruhestand"),
                OZGTopic(id: 2, name: "Bauen & Wohnen"),
                OZGTopic(id: 5, name: "Engagement & Hobby"),
                OZGTopic(id: 6, name: "Familie & Kind"),
                OZGTopic(id: 8, name: "Gesundheit"),
                OZGTopic(id: 9, name: "Mobilität & Reisen"),
                OZGTopic(id: 10, name: "Querschnitt"),
                OZGTopic(id: 11, name: "Recht & Ordnung"),
                OZGTopic(id: 14, name: "Unternehmensführung & -entwicklung"),
            ],
            situations: [
                OZGSituation(id: 10, name: "Auslandsaufenthalt", topicID: 9),
                OZGSituation(id: 14, name: "Bauen & Immobilien", topicID: 2),
                OZGSituation(id: 18, name: "Eheschließung", topicID: 6),
                OZGSituation(
                    id: 21, name: "Finanzielle Existenzsicherung/Unterstützung bei finanziellen Problemen", topicID: 1),
                OZGSituation(id: 31, name: "Kfz-Besitz", topicID: 9),
                OZGSituation(id: 32, name: "Kinderbetreuung", topicID: 6),
                OZGSituation(id: 37, name: "Querschnitt Bürger", topicID: 10),
                OZGSituation(id: 38, name: "Querschnitt Unternehmen", topicID: 10),
                OZGSituation(id: 47, name: "Tierhaltung", topicID: 5),
                OZGSituation(id: 48, name: "Tod", topicID: 8),
                OZGSituation(id: 50, name: "Unternehmensstart & Gewerbezulassung", topicID: 14),
                OZGSituation(id: 52, name: "Veranstaltungen", topicID: 14),
                OZGSituation(id: 54, name: "Weitere Leistungen", topicID: 11),
                OZGSituation(id: 55, name: "Wohnen & Umzug", topicID: 2),
            ],
            services: [
                OZGService(id: 10019, name: "Kindertagesbetreuung", situationID: 32),
                OZGService(id: 10026, name: "Eheschließung und -beurkundung", situationID: 18),
                OZGService(id: 10086, name: "Hilfe zum Lebensunterhalt", situationID: 21),
                OZGService(id: 10092, name: "Wohngeld", situationID: 21),
                OZGService(id: 10119, name: "Personalausweis", situationID: 37),
                OZGService(id: 10124, name: "Wohnsitzmeldungen", situationID: 55),
                OZGService(id: 10160, name: "Hundehaltung", situationID: 47),
                OZGService(id: 10173, name: "Parkausweise und Zufahrtsberechtigungen", situationID: 31),
                OZGService(id: 10177, name: "Reisepass", situationID: 10),
                OZGService(id: 10237, name: "Sterbeurkunde", situationID: 48),
                OZGService(id: 10244, name: "Fundsachen", situationID: 54),
                OZGService(id: 10294, name: "Unternehmensanmeldung und -genehmigung", situationID: 50),
                OZGService(id: 10348, name: "Sondernutzung von Straßen und Verkehrsraumeinschränkung", situationID: 52),
                OZGService(id: 10513, name: "Abbruchgenehmigung", situationID: 14),
                OZGService(id: 10519, name: "Bauvorbescheid und Baugenehmigung", situationID: 14),
                OZGService(id: 10557, name: "Geburtsurkunde und -bescheinigung", situationID: 37),
                OZGService(id: 10559, name: "Meldebescheinigung und -registerauskunft", situationID: 37),
                OZGService(id: 10562, name: "Führungszeugnis", situationID: 38),
            ],
            entries: [
                LeiKaEntry(
                    key: LeiKaKey("99008001000000"), name: "Personalausweis", type: "2/3",
                    legalBases: LeiKaEntry.legalReferences(
                        in:
                            "Personalausweisgesetz (PAuswG) [http://www.gesetze-im-internet.de/pauswg/], Personalausweisverordnung (PAuswV) [http://www.gesetze-im-internet.de/pauswv], Personalausweisgebührenverordnung (PAuswGebV) [http://www.gesetze-im-internet.de/pauswgebv/]"
                    ), laws: "Personalausweisgesetz", lawAbbreviations: "PAuswG", sdg1: true, ozgServiceID: 10119),
                LeiKaEntry(key: LeiKaKey("99012001000000"), name: "Abbruchgenehmigung", type: "4", ozgServiceID: 10513),
                LeiKaEntry(
                    key: LeiKaKey("99012008000000"), name: "Baugenehmigung", type: "4", sdg1: true, ozgServiceID: 10519),
                LeiKaEntry(
                    key: LeiKaKey("99025002000000"), name: "Gaststättengewerbe", type: "2/3",
                    legalBases: LeiKaEntry.legalReferences(
                        in: "§ 2 Gaststättengesetz (GastG) [http://www.gesetze-im-internet.de/gastg/__2.html]"),
                    laws: "Gaststättengesetz", lawAbbreviations: "GastG", sdg1: true, sdg2: true, ozgServiceID: 10294),
                LeiKaEntry(
                    key: LeiKaKey("99027002000000"), name: "Geburtsurkunde", type: "2/3",
                    legalBases: LeiKaEntry.legalReferences(
                        in: "§ 59 Personenstandsgesetz (PStG) [http://www.gesetze-im-internet.de/pstg/__59.html]"),
                    laws: "Personenstandsgesetz", lawAbbreviations: "PStG", sdg1: true, sdg2: true, ozgServiceID: 10557),
                LeiKaEntry(key: LeiKaKey("99041004000000"), name: "Kindertagesstätte", type: "4", ozgServiceID: 10019),
                LeiKaEntry(
                    key: LeiKaKey("99049001000000"), name: "Führungszeugnis", type: "2/3",
                    legalBases: LeiKaEntry.legalReferences(
                        in:
                            "§§ 30 ff. Bundeszentralregistergesetz (BZRG) [http://www.gesetze-im-internet.de/bzrg/BJNR002430971.html#BJNR002430971BJNG000601306]"
                    ), laws: "Bundeszentralregistergesetz", lawAbbreviations: "BZRG", ozgServiceID: 10562),
                LeiKaEntry(
                    key: LeiKaKey("99050012070000"), name: "Gewerbe Abmeldung", type: "2/3",
                    legalBases: LeiKaEntry.legalReferences(
                        in:
                            "§ 14 Gewerbeordnung (GewO) [http://www.gesetze-im-internet.de/gewo/__14.html], § 55c Gewerbeordnung (GewO) [http://www.gesetze-im-internet.de/gewo/__55c.html]"
                    ), laws: "Gewerbeordnung", lawAbbreviations: "GewO", sdg1: true, sdg2: true, ozgServiceID: 10294),
                LeiKaEntry(
                    key: LeiKaKey("99050012104000"), name: "Gewerbe Anmeldung", type: "2/3",
                    legalBases: LeiKaEntry.legalReferences(
                        in:
                            "§ 14 Gewerbeordnung (GewO) [http://www.gesetze-im-internet.de/gewo/__14.html], § 15 Gewerbeordnung (GewO) [http://www.gesetze-im-internet.de/gewo/__15.html], § 11 Gewerbeordnung (GewO) [http://www.gesetze-im-internet.de/gewo/__11.html], Gewerbeanzeigeverordnung (GewAnzV) [http://www.gesetze-im-internet.de/gewanzv_2014/]"
                    ), laws: "Gewerbeordnung", lawAbbreviations: "GewO", sdg1: true, sdg2: true, ozgServiceID: 10294),
                LeiKaEntry(
                    key: LeiKaKey("99059001000000"), name: "Eheschließung", type: "2/3",
                    legalBases: LeiKaEntry.legalReferences(
                        in:
                            "§§ 12 ff. Personenstandsgesetz (PStG) [http://www.gesetze-im-internet.de/pstg/BJNR012210007.html#BJNR012210007BJNG000400000]"
                    ), laws: "Personenstandsgesetz", lawAbbreviations: "PStG", sdg1: true, ozgServiceID: 10026),
                LeiKaEntry(key: LeiKaKey("99071007000000"), name: "Elternbeitrag", type: "4", ozgServiceID: 10019),
                LeiKaEntry(
                    key: LeiKaKey("99085001000000"), name: "Reisepass", type: "2/3",
                    legalBases: LeiKaEntry.legalReferences(
                        in:
                            "§ 1 Absatz 2 Nummer 1 Paßgesetz (PaßG) [http://www.gesetze-im-internet.de/pa_g_1986/__1.html]"
                    ), laws: "Paßgesetz", lawAbbreviations: "PassG", sdg1: true, ozgServiceID: 10177),
                LeiKaEntry(
                    key: LeiKaKey("99089017000000"), name: "Fundsachen", type: "2/3",
                    legalBases: LeiKaEntry.legalReferences(
                        in:
                            "§§ 965 ff. Bürgerliches Gesetzbuch (BGB) [http://www.gesetze-im-internet.de/bgb/__965.html]"
                    ), laws: "Bürgerliches Gesetzbuch", lawAbbreviations: "BGB", ozgServiceID: 10244),
                LeiKaEntry(
                    key: LeiKaKey("99101004000000"), name: "Sterbeurkunde", type: "4", sdg1: true, ozgServiceID: 10237),
                LeiKaEntry(
                    key: LeiKaKey("99102013000000"), name: "Hundesteuer", type: "4", sdg1: true, ozgServiceID: 10160),
                LeiKaEntry(
                    key: LeiKaKey("99107012000000"), name: "Hilfe zum Lebensunterhalt (SGB XII)", type: "2/3",
                    legalBases: LeiKaEntry.legalReferences(
                        in:
                            "§§ 27 ff. Zwölftes Buch Sozialgesetzbuch (SGB XII) [http://www.gesetze-im-internet.de/sgb_12/BJNR302300003.html#BJNR302300003BJNG003300308]"
                    ), laws: "Zwölftes Buch Sozialgesetzbuch", lawAbbreviations: "SGB XII", sdg1: true,
                    ozgServiceID: 10086),
                LeiKaEntry(
                    key: LeiKaKey("99107023000000"), name: "Wohngeld", type: "2/3", sdg1: true, ozgServiceID: 10092),
                LeiKaEntry(
                    key: LeiKaKey("99108001000000"), name: "Bewohnerparkausweis", type: "2/3",
                    legalBases: LeiKaEntry.legalReferences(
                        in:
                            "§ 45 Straßenverkehrs-Ordnung (StVO) [http://www.gesetze-im-internet.de/stvo_2013/__45.html]"
                    ), laws: "Straßenverkehrs-Ordnung", lawAbbreviations: "StVO", ozgServiceID: 10173),
                LeiKaEntry(
                    key: LeiKaKey("99108012000000"), name: "Sondernutzung von Straßen", type: "2/3",
                    legalBases: LeiKaEntry.legalReferences(
                        in: "§ 8 Bundesfernstraßengesetz (FstrG) [http://www.gesetze-im-internet.de/fstrg/__8.html]"),
                    laws: "Bundesfernstraßengesetz, Bundesfernstraßengesetz", lawAbbreviations: "FStrG, FstrG",
                    ozgServiceID: 10348),
                LeiKaEntry(
                    key: LeiKaKey("99115003000000"), name: "amtliche Meldebestätigung", type: "2/3",
                    legalBases: LeiKaEntry.legalReferences(
                        in: "§ 24 Absatz 2 Bundesmeldegesetz (BMG) [http://www.gesetze-im-internet.de/bmg/__24.html]"),
                    laws: "Bundesmeldegesetz", lawAbbreviations: "BMG", sdg1: true, sdg2: true, ozgServiceID: 10559),
                LeiKaEntry(
                    key: LeiKaKey("99115005104000"), name: "Wohnsitz Anmeldung", type: "2/3",
                    legalBases: LeiKaEntry.legalReferences(
                        in: "§ 17 Absatz 1 Bundesmeldegesetz (BMG) [http://www.gesetze-im-internet.de/bmg/__17.html]"),
                    laws: "Bundesmeldegesetz", lawAbbreviations: "BMG", sdg1: true, sdg2: true, ozgServiceID: 10124),
            ]
        ).sorted()
    }
}
