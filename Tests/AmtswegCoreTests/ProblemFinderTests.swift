import Testing

@testable import AmtswegCore

/// Each problem rule fires on a small case made for it, and stays quiet where it should.
@Suite struct ProblemFinderTests {
    static func map() -> TenantMap {
        var map = TenantMap(
            tenant: Tenant(id: "t", name: "Test", ags: "05315000", population: 1),
            units: [
                OrgUnit(id: "u1", name: "Bürgerbüro", kind: .amt), OrgUnit(id: "u2", name: "Ordnungsamt", kind: .amt),
                OrgUnit(id: "u3", name: "Kämmerei", kind: .amt),
            ],
            positions: [
                Position(id: "p1", title: "Sachbearbeitung A", unitID: "u1"),
                Position(id: "p2", title: "Sachbearbeitung B", unitID: "u1"),
                Position(id: "p3", title: "Fachamt", unitID: "u2"),
            ],
            services: [
                Service(
                    id: "s1", name: "Anmeldung", leikaKey: LeiKaKey("99115001000000")!, unitID: "u1", casesPerYear: 600),
                Service(id: "s2", name: "Ohne Prozess", leikaKey: LeiKaKey("99115002000000")!, unitID: "u1"),
            ],
            informationObjects: [
                InformationObject(id: "antrag", name: "Antrag"), InformationObject(id: "akte", name: "Akte"),
            ],
            flows: [
                InformationFlow(
                    id: "f-used", from: .unit("u1"), to: .unit("u2"), objectID: "akte", channel: .post, medium: .paper,
                    frequencyPerYear: 10, serviceID: "s1"),
                InformationFlow(
                    id: "f-unused", from: .unit("u1"), to: .unit("u3"), objectID: nil, channel: .email, medium: .email,
                    frequencyPerYear: 10, serviceID: "s1"),
            ])
        map.catalogue = EnrichCatalogue(
            applications: [
                Application(id: "ewo", name: "Einwohnerverfahren", unitIDs: ["u1"]),
                Application(id: "gew", name: "Gewerbeverfahren", unitIDs: ["u2"]),
            ],
            skills: [Skill(id: "recht", name: "Melderecht")],
            skillHoldings: [SkillHolding(positionID: "p3", skillID: "recht", level: .expert)])
        map.settings.maxDesks = 2
        map.settings.longWaitDays = 5
        return map
    }

    static func step(
        _ id: String, _ position: String, medium: Medium? = nil, waiting: Double = 0,
        applications: [ID<Application>] = [],
        inputs: [ID<InformationObject>] = [], skills: [SkillRequirement] = [], raci: [StepResponsibility] = []
    ) -> ProcessNode {
        ProcessNode(
            id: id, kind: .step, name: "Schritt \(id)",
            step: StepDetails(
                performer: position.isEmpty ? nil : .position(ID(position)), applicationIDs: applications,
                inputIDs: inputs, medium: medium, handlingMinutes: 10, waitingMinutes: waiting, responsibilities: raci,
                requiredSkills: skills))
    }

    static func sequence(
        _ id: ID<ProcessModel>, _ steps: [ProcessNode], owner: ID<OrgUnit>? = "u1", service: ID<Service>? = "s1"
    ) -> ProcessModel {
        let nodes = [ProcessNode(id: "start", kind: .start)] + steps + [ProcessNode(id: "end", kind: .end)]
        let flows = zip(nodes, nodes.dropFirst()).map {
            ProcessFlow(id: "\($0.id)-\($1.id)", sourceID: $0.id, targetID: $1.id)
        }
        return ProcessModel(
            id: id, name: "Prozess \(id)", serviceID: service, ownerUnitID: owner, nodes: nodes, flows: flows)
    }

    static let processes = [
        sequence(
            "flow",
            [
                step("A", "p1", medium: .paper),
                step(
                    "B", "p3", medium: .specialistSoftware, applications: ["gew"], inputs: ["antrag"],
                    skills: [SkillRequirement("recht")]),
                step("C", "p1", medium: .paper, waiting: 5 * 8 * 60 + 1, applications: ["ewo"], inputs: ["antrag"]),
                step(
                    "D", "p2",
                    raci: [
                        StepResponsibility(.accountable, .position("p1")),
                        StepResponsibility(.accountable, .position("p2")),
                    ]),
            ]),
        sequence("orphan", [step("X", "")], owner: nil, service: "gibt-es-nicht"),
    ]

    @Test func everyRuleFindsItsCase() {
        let all = ProblemFinder(map: Self.map()).findAll(in: Self.processes)
        func spots(_ rule: ProblemRule) -> [ProblemSpot] { all.filter { $0.rule == rule } }
        #expect(spots(.pingPong).map { $0.links[0].id } == ["B"])  // A (p1) → B (p3) → C (p1)
        #expect(spots(.tooManyDesks).map { $0.links[0].id } == ["flow"])  // p1, p3, p2 > 2
        #expect(spots(.mediaBreak).map { $0.links[0].id }.sorted() == ["B", "C"])  // paper → software → paper
        #expect(spots(.missingResponsible).map { $0.links[0].id } == ["X"])
        #expect(spots(.stepWithoutPerformer).map { $0.links[0].id } == ["X"])
        #expect(spots(.severalAccountables).map { $0.links[0].id } == ["D"])
        #expect(spots(.singlePointOfKnowledge).map { $0.links[0].id } == ["B"])
        #expect(spots(.paperDespiteApplication).map { $0.links[0].id } == ["A", "C"])  // u1 uses "ewo"
        #expect(spots(.doubleEntry).count == 1)  // "antrag" into gew (B) and ewo (C)
        #expect(spots(.doubleEntry).first?.detail.contains("Antrag") == true)
        #expect(spots(.longWait).map { $0.links[0].id } == ["C"])
        #expect(spots(.processWithoutOwner).map { $0.links[0].id } == ["orphan"])
        #expect(spots(.serviceWithoutProcess).map { $0.links[0].id } == ["s2"])
        #expect(spots(.unusedInformationFlow).map { $0.links[0].id } == ["f-unused"])  // f-used: A→B goes u1→u2
        #expect(spots(.unknownReference).count == 1)
        #expect(Set(all.map(\.rule)) == Set(ProblemRule.allCases))
        #expect(all.allSatisfy { !$0.explanation.isEmpty && !$0.detail.isEmpty && !$0.links.isEmpty })
        #expect(all.map(\.severity) == all.map(\.severity).sorted())
    }

    @Test func thresholdsComeFromTheTenant() {
        var map = Self.map()
        map.settings.maxDesks = 3
        map.settings.longWaitDays = 10
        let rules = Set(ProblemFinder(map: map).findAll(in: Self.processes).map(\.rule))
        #expect(!rules.contains(.tooManyDesks) && !rules.contains(.longWait))
    }

    @Test func comparisonGivesDeltasAndSavings() {
        let map = Self.map()
        let ist = Self.sequence("ist", [Self.step("A", "p1"), Self.step("B", "p3"), Self.step("C", "p1")])
        var soll = Self.sequence("soll", [Self.step("A", "p1")])
        soll.state = .soll
        soll.istID = "ist"
        let comparison = ProcessComparison(ist: ist, soll: soll, map: map)
        let handling = comparison.rows.first { $0.key == "handlingMinutes" }
        #expect(handling?.ist == 30 && handling?.soll == 10 && handling?.delta == -20)
        #expect(comparison.rows.first { $0.key == "handoffs" }?.delta == -2)
        // 600 cases × 20 min = 200 h; ÷ 1,600 h = 0.125 FTE; × 65 € = 13,000 €.
        #expect(comparison.savedHoursPerYear == 200)
        #expect(comparison.savedFTE == 0.125)
        #expect(comparison.savedEurosPerYear == 13_000)
    }

    @Test func serviceFiguresShareCasesAmongItsProcesses() {
        let map = Self.map()
        let counter = Self.sequence("schalter", [Self.step("A", "p1"), Self.step("B", "p2")])  // 20 min
        let online = Self.sequence("online", [Self.step("A", "p1")])  // 10 min
        let figures = ServiceFigures(service: map.services[0], processes: [counter, online], map: map)
        #expect(figures.processes.map(\.casesPerYear) == [300, 300])
        #expect(figures.perCase.handlingMinutes == 15)
        #expect(figures.staffHoursPerYear == 150)  // 300 × 20 min + 300 × 10 min
    }
}

@Suite struct ProcessValidationTests {
    @Test func aBrokenGraphIsDescribedNotAnalysedBlindly() {
        var process = ProblemFinderTests.sequence("p", [ProblemFinderTests.step("A", "p1")])
        process.nodes.append(ProcessNode(id: "A", kind: .step, name: "doppelt"))
        process.nodes.append(ProcessNode(id: "Z", kind: .step, name: "Insel"))
        process.flows.append(ProcessFlow(id: "x", sourceID: "A", targetID: "nirgends", share: 1.5))
        process.nodes[1].step?.handlingMinutes = -3
        let issues = process.validate()
        #expect(issues.contains { $0.contains("mehrfach") })
        #expect(issues.contains { $0.contains("nirgends") })
        #expect(issues.contains { $0.contains("1.5") })
        #expect(issues.contains { $0.contains("-3") })
        #expect(issues.contains { $0.contains("Insel") && $0.contains("erreicht") })
        #expect(ProblemFinderTests.sequence("ok", [ProblemFinderTests.step("A", "p1")]).validate().isEmpty)
    }

    @Test func performersThatDoNotExistAreUnknownReferences() {
        let process = ProblemFinderTests.sequence("p", [ProblemFinderTests.step("A", "gibt-es-nicht")])
        let spots = ProblemFinder(map: ProblemFinderTests.map()).findAll(in: [process])
        #expect(spots.contains { $0.rule == .unknownReference && $0.detail.contains("position:gibt-es-nicht") })
    }
}
