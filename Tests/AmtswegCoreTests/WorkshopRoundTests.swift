import AmtswegCore
import AmtswegDemo
import Foundation
import Testing

/// Merging a round's answers into the map takes exactly the accepted (or corrected) changes; a rejected one
/// changes nothing; units that disagree about a flow between them make one finding naming both; progress
/// says which questions each unit answered and who is late.
@Suite struct WorkshopRoundTests {
    static let map = Musterstadt.map()
    static let facilitator = Author(id: "account:pm", displayName: "Miriam Aydın")
    static let round = WorkshopRound(
        id: "runde-2026", title: "Ist-Analyse 2026", unitIDs: ["33", "32.2"],
        deadline: Day(year: 2026, month: 12, day: 15)!,
        openedOn: Day(year: 2026, month: 12, day: 1)!, openedBy: facilitator)

    static func answer(
        _ id: String, _ unit: ID<OrgUnit>, _ question: IstQuestion, _ change: WorkshopAnswer.Change,
        _ decision: WorkshopAnswer.Decision? = nil
    ) -> WorkshopAnswer {
        WorkshopAnswer(
            id: ID(id), roundID: round.id, unitID: unit, question: question, change: change,
            answeredBy: Author(id: "account:\(unit)", displayName: "Team \(unit)"),
            answeredAt: Date(timeIntervalSince1970: 1_796_000_000), decision: decision, decidedBy: facilitator)
    }

    static let buergerbueroSendsParkingData = InformationFlow(
        id: "ws-f1", from: .unit("33"), to: .unit("32.2"), objectID: "Meldebestätigung", channel: .email,
        medium: .email, frequencyPerYear: 900)
    static let duty = Duty(id: "ws-d1", name: "Fundsachen verwahren", unitID: "33")
    static let entry = EntryPoint(id: "ws-e1", unitID: "32.2", channel: .onlinePortal, volumePerYear: 1_200)
    static let knows = UnitAwareness(unitID: "32.2", knownUnitID: "SD")

    @Test func mergingTakesExactlyTheAcceptedAndCorrectedChanges() {
        let corrected = EntryPoint(id: "ws-e1", unitID: "32.2", channel: .onlinePortal, volumePerYear: 1_500)
        let answers = [
            Self.answer("a1", "33", .informationNeeds, .flow(Self.buergerbueroSendsParkingData), .accepted),
            Self.answer("a2", "33", .taskTransparency, .awareness(.init(unitID: "33", knownUnitID: "32.2")), nil),
            Self.answer("a3", "33", .whoWithWhom, .duty(Self.duty), .rejected(reason: "gibt es schon als Aufgabe")),
            Self.answer("a4", "32.2", .entryPoints, .entryPoint(Self.entry), .edited(.entryPoint(corrected))),
            Self.answer("a5", "32.2", .taskTransparency, .awareness(Self.knows), .accepted),
            Self.answer("a6", "32.2", .responsibilities, .confirmed, .accepted),
        ]
        #expect(!Self.map.awareness.contains(Self.knows), "new to the map")
        let merged = Self.map.merging(answers)
        var expected = Self.map
        expected.flows.append(Self.buergerbueroSendsParkingData)
        expected.entryPoints.append(corrected)
        expected.awareness.append(Self.knows)
        #expect(merged == expected, "exactly the accepted and corrected changes")
        #expect(!merged.duties.contains { $0.id == Self.duty.id }, "a rejected change leaves the map unchanged")
        #expect(Self.map.merging([answers[2]]) == Self.map)
        #expect(merged.merging(answers) == merged, "merging again adds nothing twice")
    }

    @Test func unitsThatDisagreeAboutAFlowMakeOneFindingNamingBoth() throws {
        // The Bürgerbüro says it sends the registration confirmation to Straßenverkehr; Straßenverkehr answered
        // the question on information flows and lists only a flow with another unit.
        let other = InformationFlow(
            id: "ws-f2", from: .unit("32.2"), to: .unit("20"), channel: .email, medium: .email, frequencyPerYear: 10)
        var answers = [
            Self.answer("a1", "33", .informationNeeds, .flow(Self.buergerbueroSendsParkingData)),
            Self.answer("a2", "32.2", .informationNeeds, .flow(other)),
        ]
        let contradictions = WorkshopContradiction.find(in: answers, round: Self.round, map: Self.map)
        #expect(contradictions.count == 1)
        let contradiction = try #require(contradictions.first)
        #expect(contradiction.claimingUnit == "33" && contradiction.silentUnit == "32.2")
        let finding = contradiction.finding(id: "w-1", map: Self.map, round: Self.round.id, on: Self.round.deadline)
        #expect(finding.text.contains("Bürgerbüro") && finding.text.contains("Straßenverkehr und Sondernutzung"))
        #expect(finding.question == .internalInterfaces)

        // Once Straßenverkehr lists the same exchange, they agree.
        answers.append(
            Self.answer(
                "a3", "32.2", .informationNeeds,
                .flow(
                    InformationFlow(
                        id: "ws-f3", from: .unit("33"), to: .unit("32.2"), objectID: "Meldebestätigung",
                        channel: .email,
                        medium: .email, frequencyPerYear: 800))))
        #expect(WorkshopContradiction.find(in: answers, round: Self.round, map: Self.map).isEmpty)
        // A unit that has not answered the question yet contradicts nobody.
        #expect(WorkshopContradiction.find(in: [answers[0]], round: Self.round, map: Self.map).isEmpty)
    }

    @Test func progressNamesOpenQuestionsAndLateUnits() {
        let answers =
            IstQuestion.allCases.map { Self.answer("b\($0.rawValue)", "33", $0, .confirmed) }
            + [Self.answer("c1", "32.2", .entryPoints, .entryPoint(Self.entry))]
        let before = Self.round.progress(answers, today: Self.round.deadline)
        #expect(before.map(\.isComplete) == [true, false] && before.map(\.isOverdue) == [false, false])
        #expect(before[1].open.count == 6)
        let after = Self.round.progress(answers, today: Day(year: 2026, month: 12, day: 16)!)
        #expect(after.map(\.isOverdue) == [false, true])
    }
}
