import AmtswegCore
import AmtswegDemo
import FIM
import Foundation
import Testing

@Suite struct MaturityModelTests {
    static let model = MaturityModelReader.builtIn()

    static func ratings(_ level: Int, except: [String: MaturityRating] = [:]) -> [String: MaturityRating] {
        Dictionary(uniqueKeysWithValues: model.criteria.map { ($0.id, except[$0.id] ?? .level(level)) })
    }

    @Test func theShippedModelIsVersion11WithFiveLevelsAndTenCriteria() {
        #expect(Self.model.version == "1.1")
        #expect(Self.model.levels.map(\.number) == [0, 1, 2, 3, 4])
        #expect(
            Self.model.levels.map(\.name) == [
                "Offline", "Information", "Formular-Assistent", "Online-Leistung", "Online-Transaktion",
            ])
        #expect(Self.model.criteria.count == 10)
        #expect(Self.model.onlineFrom == 2 && Self.model.conformFrom == 3)
        #expect(Self.model.problems().isEmpty)
    }

    @Test func theLowestCriterionSetsTheLevel() {
        #expect(Self.model.overallLevel(Self.ratings(4)) == 4)
        #expect(Self.model.overallLevel(Self.ratings(4, except: ["bezahlung": .level(2)])) == 2)
        #expect(Self.model.overallLevel(Self.ratings(3, except: ["status": .level(1), "nachweise": .level(0)])) == 0)
        // A criterion the service does not need does not pull the level down …
        #expect(Self.model.overallLevel(Self.ratings(3, except: ["bezahlung": .notNeeded])) == 3)
        // … but an unrated one leaves the level open.
        var partial = Self.ratings(4)
        partial["status"] = nil
        #expect(Self.model.overallLevel(partial) == nil)
    }

    @Test func anAssessmentIsCheckedAgainstItsModel() {
        var ratings = Self.ratings(2, except: ["status": .notNeeded, "bezahlung": .level(9)])
        ratings["erfunden"] = .level(1)
        let assessment = MaturityAssessment(
            serviceID: "hundesteuer", modelVersion: "1.1", ratings: ratings,
            targetLevel: 6, assessedOn: Day("2026-11-02")!, assessedBy: " ")
        #expect(
            assessment.problems(in: Self.model) == [
                "Kriterium „erfunden“ gibt es im Reifegradmodell 1.1 nicht",
                "Kriterium „Bezahlung“: Stufe 9 gibt es nicht (0 bis 4)",
                "Kriterium „Statusinformation“ gilt für jede Leistung, „entfällt“ passt nicht",
                "Zielstufe 6 gibt es nicht (0 bis 4)",
                "Wer bewertet hat, fehlt",
            ])
    }

    /// A model with levels 0–7 (the shape of version 2.0) is data like 1.1: it loads and rates the same way.
    @Test func aModelWithEightLevelsLoadsFromData() throws {
        let levels = (0...7).map { #"{"number": \#($0), "name": "Stufe \#($0)", "description": "…"}"# }
        let criteria = (1...13).map {
            #"{"id": "k\#($0)", "name": "Kriterium \#($0)", "question": "?", "onlyWhereNeeded": \#($0 > 10)}"#
        }
        let json =
            #"{"version": "2.0", "name": "OZG-Reifegradmodell 2.0", "source": "Test", "onlineFrom": 2, "#
            + #""conformFrom": 3, "levels": [\#(levels.joined(separator: ","))], "#
            + #""criteria": [\#(criteria.joined(separator: ","))]}"#
        let model = try MaturityModelReader.read(Data(json.utf8), file: "rgm-2.0.json")
        #expect(model.topLevel == 7)
        #expect(model.criteria.count == 13)
        var ratings = Dictionary(uniqueKeysWithValues: model.criteria.map { ($0.id, MaturityRating.level(7)) })
        ratings["k12"] = .notNeeded
        ratings["k4"] = .level(5)
        #expect(model.overallLevel(ratings) == 5)
    }

    @Test func aBrokenModelIsRefusedWithItsProblems() {
        let json =
            #"{"version": "3", "name": "x", "source": "", "onlineFrom": 9, "conformFrom": 1, "#
            + #""levels": [{"number": 0, "name": "a", "description": ""}, {"number": 2, "name": "c", "description": ""}], "#
            + #""criteria": []}"#
        #expect {
            try MaturityModelReader.read(Data(json.utf8), file: "kaputt.json")
        } throws: { error in
            let text = "\(error)"
            return text.contains("kaputt.json") && text.contains("Stufe 2 steht an Stelle 1")
                && text.contains("keine Kriterien") && text.contains("„Online ab“ Stufe 9 liegt außerhalb")
        }
        #expect {
            try MaturityModelReader.read(Data(#"{"version": "3"}"#.utf8), file: "kurz.json")
        } throws: { "\($0)".contains("„name“ fehlt") }
    }

    @Test func anOZGServiceIsOnlineIffOneOfItsServicesReachesLevelTwo() throws {
        // Two tenant services in one OZG-Leistung, one in another.
        var map = TenantMap(tenant: Tenant(id: "t", name: "T", ags: "05000000", population: 1))
        map.services = [
            Service(id: "a", name: "A", leikaKey: LeiKaKey("99012001000000")!, unitID: "63"),
            Service(id: "b", name: "B", leikaKey: LeiKaKey("99012008000000")!, unitID: "63"),
            Service(id: "c", name: "C", leikaKey: LeiKaKey("99102013000000")!, unitID: "22"),
        ]
        let catalogue = OZGCatalogue(
            snapshot: .init(source: "Test", asOf: nil), topics: [OZGTopic(id: 2, name: "Bauen")],
            situations: [OZGSituation(id: 7, name: "Bauen", topicID: 2)],
            services: [
                OZGService(id: 1, name: "Bauantrag", situationID: 7), OZGService(id: 2, name: "Steuer", situationID: 7),
            ],
            entries: [
                LeiKaEntry(key: LeiKaKey("99012001000000"), name: "A", ozgServiceID: 1),
                LeiKaEntry(key: LeiKaKey("99012008000000"), name: "B", ozgServiceID: 1),
                LeiKaEntry(key: LeiKaKey("99102013000000"), name: "C", ozgServiceID: 2),
            ])
        func assess(_ id: ID<Service>, _ level: Int) -> MaturityAssessment {
            MaturityAssessment(
                serviceID: id, modelVersion: "1.1", ratings: Self.ratings(level), targetLevel: 4,
                assessedOn: Day("2026-10-01")!, assessedBy: "Test")
        }
        func online(_ assessments: [MaturityAssessment]) -> [String: Bool] {
            let overview = OZGOverview(map: map, catalogue: catalogue, models: [Self.model], assessments: assessments)
            return Dictionary(
                uniqueKeysWithValues: overview.ozgServices.map { state in (state.service.name, state.isOnline) })
        }
        #expect(online([]) == ["Bauantrag": false, "Steuer": false])
        #expect(online([assess("a", 1), assess("b", 1), assess("c", 4)]) == ["Bauantrag": false, "Steuer": true])
        #expect(online([assess("a", 1), assess("b", 2), assess("c", 1)]) == ["Bauantrag": true, "Steuer": false])
        // The newest assessment counts: "b" fell back to level 1.
        var later = assess("b", 1)
        later.assessedOn = Day("2026-11-01")!
        #expect(online([assess("a", 1), assess("b", 2), later]) == ["Bauantrag": false, "Steuer": false])

        let overview = OZGOverview(
            map: map, catalogue: catalogue, models: [Self.model], assessments: [assess("a", 3), assess("b", 1)])
        #expect(overview.unassessed.map(\.id) == ["c"])
        #expect(overview.share(atLeast: 2) == 100.0 / 3)
        #expect(overview.share(atLeast: 2, of: ["a", "b"]) == 50)
        let evaluator = IndicatorEvaluator(map: map, processes: [], maturity: overview)
        #expect(evaluator.value(of: Indicator(.maturityShare, scope: .unit("63"), level: 3)) == 50)
    }
}
