import Testing

@testable import AmtswegCore

/// Key figures on small processes whose values are worked out by hand in the comments.
///
/// The organisation: positions p1 and p2 in unit u1, p3 in unit u2. Hourly cost 60 €, 1,500 net hours a year.
@Suite struct ProcessFiguresTests {
    let organisation = OrganisationLookup(
        TenantMap(
            tenant: Tenant(id: "t", name: "Test", ags: "05315000", population: 1),
            positions: [
                Position(id: "p1", title: "Sachbearbeitung 1", unitID: "u1"),
                Position(id: "p2", title: "Sachbearbeitung 2", unitID: "u1"),
                Position(id: "p3", title: "Fachamt", unitID: "u2"),
            ],
            roles: [Role(id: "r", name: "Sachbearbeitung", positionIDs: ["p1", "p3"])]))
    let settings = ProcessSettings(netAnnualWorkingHours: 1_500, hourlyCost: 60)

    func step(
        _ id: String, _ position: String, handling: Double, waiting: Double = 0, medium: Medium? = nil
    ) -> ProcessNode {
        ProcessNode(
            id: id, kind: .step, name: id,
            step: StepDetails(
                performer: .position(ID(position)), medium: medium, handlingMinutes: handling,
                waitingMinutes: waiting))
    }

    func flow(_ from: String, _ to: String, share: Double? = nil) -> ProcessFlow {
        ProcessFlow(id: "\(from)-\(to)", sourceID: from, targetID: to, share: share)
    }

    func figures(_ nodes: [ProcessNode], _ flows: [ProcessFlow], cases: Int? = nil) -> ProcessFigures {
        ProcessFigures(
            process: ProcessModel(id: "p", name: "Test", nodes: nodes, flows: flows), organisation: organisation,
            settings: settings, casesPerYear: cases)
    }

    func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

    @Test func sequence() {
        // start → A (p1, paper, 10 min + 60 wait) → B (p2, software, 20) → C (p3 in u2, software, 30 + 120) → end
        let result = figures(
            [
                ProcessNode(id: "s", kind: .start), step("A", "p1", handling: 10, waiting: 60, medium: .paper),
                step("B", "p2", handling: 20, medium: .specialistSoftware),
                step("C", "p3", handling: 30, waiting: 120, medium: .specialistSoftware),
                ProcessNode(id: "e", kind: .end),
            ], [flow("s", "A"), flow("A", "B"), flow("B", "C"), flow("C", "e")], cases: 1_000)
        let all = result.allPaths
        #expect(all.stepExecutions == 3)
        #expect(all.desks == 3 && all.units == 2)
        #expect(all.handoffs == 2)  // A→B, B→C
        #expect(all.unitCrossings == 1)  // B→C leaves u1
        #expect(all.mediaBreaks == 1 && all.paperToDigital == 1 && all.digitalToPaper == 0)  // A→B paper → software
        #expect(close(all.specialistSoftwareShare, 2.0 / 3))
        #expect(all.handlingMinutes == 60 && all.waitingMinutes == 180)
        #expect(all.leadTimeMinutes == 240)  // 70 + 20 + 150
        #expect(all.waitingShare == 0.75)  // 180 / 240
        #expect(all.staffCostPerCase == 60)  // 1 h × 60 €
        #expect(all.loopBacks == 0)
        #expect(result.mainPath == all)
        // 1,000 cases × 1 h = 1,000 h = 0.667 FTE at 1,500 h; A binds 1,000 × 10 min = 166.7 h at p1.
        #expect(close(result.staffHoursPerYear, 1_000))
        #expect(close(result.ftePerYear, 1_000.0 / 1_500))
        #expect(close(result.staffCostPerYear, 60_000))
        #expect(result.loadByPosition.map(\.subject) == [.position("p1"), .position("p2"), .position("p3")])
        #expect(close(result.loadByPosition[0].hoursPerYear, 1_000.0 / 6))
        #expect(close(result.loadByUnit[0].hoursPerYear, 500) && close(result.loadByUnit[1].hoursPerYear, 500))
    }

    @Test func exclusiveChoiceWithShares() {
        // start → A (p1, 10) → X ─0.8→ B (p2, 20 + 30 wait) → J → D (p1, 5) → end
        //                        └0.2→ C (p3, 60 + 600 wait) ┘
        let result = figures(
            [
                ProcessNode(id: "s", kind: .start), step("A", "p1", handling: 10),
                ProcessNode(id: "X", kind: .exclusive), step("B", "p2", handling: 20, waiting: 30),
                step("C", "p3", handling: 60, waiting: 600), ProcessNode(id: "J", kind: .exclusive),
                step("D", "p1", handling: 5), ProcessNode(id: "e", kind: .end),
            ],
            [
                flow("s", "A"), flow("A", "X"), flow("X", "B", share: 0.8), flow("X", "C", share: 0.2), flow("B", "J"),
                flow("C", "J"), flow("J", "D"), flow("D", "e"),
            ])
        let all = result.allPaths
        #expect(close(all.stepExecutions, 3))  // 1 + 0.8 + 0.2 + 1
        #expect(close(all.handlingMinutes, 43))  // 10 + 0.8·20 + 0.2·60 + 5
        #expect(close(all.waitingMinutes, 144))  // 0.8·30 + 0.2·600
        #expect(close(all.leadTimeMinutes, 187))  // 10 + (0.8·50 + 0.2·660) + 5
        #expect(close(all.handoffs, 2))  // A→B 0.8, A→C 0.2, B→D 0.8, C→D 0.2: all change position
        #expect(close(all.unitCrossings, 0.4))  // A→C and C→D, 0.2 each
        #expect(all.desks == 3 && all.units == 2)
        // Main path: A → B → D.
        let main = result.mainPath
        #expect(main.stepExecutions == 3 && main.desks == 2 && main.units == 1)
        #expect(main.handlingMinutes == 35 && main.waitingMinutes == 30 && main.leadTimeMinutes == 65)
        #expect(main.handoffs == 2 && main.unitCrossings == 0)
        #expect(result.staffHoursPerYear == nil && result.loadByPosition.isEmpty)
    }

    @Test func parallelBranches() {
        // start → A (p1, 10) → P+ → B (p2, 20 + 100 wait) → J+ → D (p1, 5) → end
        //                          → C (p3, 30 + 10 wait)  ┘
        let result = figures(
            [
                ProcessNode(id: "s", kind: .start), step("A", "p1", handling: 10),
                ProcessNode(id: "P", kind: .parallel), step("B", "p2", handling: 20, waiting: 100),
                step("C", "p3", handling: 30, waiting: 10), ProcessNode(id: "J", kind: .parallel),
                step("D", "p1", handling: 5), ProcessNode(id: "e", kind: .end),
            ],
            [
                flow("s", "A"), flow("A", "P"), flow("P", "B"), flow("P", "C"), flow("B", "J"), flow("C", "J"),
                flow("J", "D"), flow("D", "e"),
            ])
        let all = result.allPaths
        #expect(all.stepExecutions == 4)
        #expect(all.handlingMinutes == 65 && all.waitingMinutes == 110)
        #expect(all.leadTimeMinutes == 135)  // 10 + max(120, 40) + 5: the branches overlap
        // A→B 1, A→C 1, then the join: B→D ½, C→D ½ — one hand-over into D per case in all.
        #expect(all.handoffs == 3)
        #expect(all.unitCrossings == 1.5)  // A→C 1, C→D ½
        #expect(result.mainPath == all)  // nothing to choose
    }

    @Test func loopBack() {
        // start → A (p1, 10) → B (p2, 20 + 60 wait) → X ─0.75→ C (p1, 5) → end
        //         ↑                                   └0.25 back to A
        // visits(A) = 1 + 0.25·visits(A) ⇒ 4/3; B 4/3; C = 0.75 · 4/3 = 1.
        let result = figures(
            [
                ProcessNode(id: "s", kind: .start), step("A", "p1", handling: 10),
                step("B", "p2", handling: 20, waiting: 60), ProcessNode(id: "X", kind: .exclusive),
                step("C", "p1", handling: 5), ProcessNode(id: "e", kind: .end),
            ],
            [
                flow("s", "A"), flow("A", "B"), flow("B", "X"), flow("X", "A", share: 0.25),
                flow("X", "C", share: 0.75), flow("C", "e"),
            ])
        let all = result.allPaths
        #expect(close(all.stepExecutions, 4.0 / 3 + 4.0 / 3 + 1))
        #expect(close(all.handlingMinutes, 45))  // 4/3·10 + 4/3·20 + 5
        #expect(close(all.waitingMinutes, 80))  // 4/3·60
        #expect(close(all.leadTimeMinutes, 125))  // 4/3·(10 + 80) + 5
        #expect(close(all.loopBacks, 1.0 / 3))  // visits(X) · 0.25
        #expect(close(all.handoffs, 8.0 / 3))  // A→B 4/3, B→C 1, B→A 1/3
        let main = result.mainPath  // leaves the loop at once: A → B → C
        #expect(main.handlingMinutes == 35 && main.leadTimeMinutes == 95 && main.loopBacks == 0)
        #expect(main.handoffs == 2)
    }

    @Test func roleWorkSpreadsOverItsPositionsAndUnits() {
        // One step of 60 min by role r (positions p1 in u1 and p3 in u2), 300 cases: 300 h, 150 h each.
        let result = figures(
            [
                ProcessNode(id: "s", kind: .start),
                ProcessNode(id: "A", kind: .step, step: StepDetails(performer: .role("r"), handlingMinutes: 60)),
                ProcessNode(id: "e", kind: .end),
            ], [flow("s", "A"), flow("A", "e")], cases: 300)
        #expect(result.loadByPosition.map(\.hoursPerYear) == [150, 150])
        #expect(result.loadByUnit.map(\.subject) == [.unit("u1"), .unit("u2")])
        #expect(result.allPaths.desks == 1 && result.allPaths.units == 0)  // a role across two units has no one unit
        #expect(close(result.ftePerYear, 0.2))
    }

    @Test func choiceSharesFillTheRestEvenly() {
        #expect(zip(ProcessGraph.choiceShares([nil, 0.3, nil]), [0.35, 0.3, 0.35]).allSatisfy { close($0, $1) })
        #expect(ProcessGraph.choiceShares([0.5, 0.5, 0.5]).allSatisfy { close($0, 1.0 / 3) })
        #expect(ProcessGraph.choiceShares([0, 0]) == [0.5, 0.5])
        #expect(ProcessGraph.choiceShares([2, nil]) == [1, 0])
    }

    @Test func aLoopThatIsNeverLeftIsCutOff() {
        // X sends every case back: visits are capped, nothing hangs.
        let result = figures(
            [
                ProcessNode(id: "s", kind: .start), step("A", "p1", handling: 1),
                ProcessNode(id: "X", kind: .exclusive), ProcessNode(id: "e", kind: .end),
            ], [flow("s", "A"), flow("A", "X"), flow("X", "A", share: 1), flow("X", "e", share: 0)])
        #expect(result.allPaths.handlingMinutes <= ProcessGraph.visitLimit)
        #expect(result.mainPath.handlingMinutes == 1)
    }
}
