import AmtswegCore
import AmtswegDemo
import AmtswegStore
import Foundation
import Testing

/// A round's answers of two units merged through the store: the map gets exactly the accepted changes, a
/// rejected one leaves it unchanged, a contradiction becomes one finding naming both units, and the change log
/// holds one entry per decision.
@Suite struct WorkshopRepositoryTests {
    /// A round of two units and what they answer (the domain's own tests use the same shapes).
    enum Fixture {
        static let facilitator = Author(id: "account:pm", displayName: "Miriam Aydın")
        static let round = WorkshopRound(
            id: "runde-2026", title: "Ist-Analyse 2026", unitIDs: ["33", "32.2"],
            deadline: Day(year: 2026, month: 12, day: 15)!, openedOn: Day(year: 2026, month: 12, day: 1)!,
            openedBy: facilitator)
        static let buergerbueroSendsParkingData = InformationFlow(
            id: "ws-f1", from: .unit("33"), to: .unit("32.2"), objectID: "Meldebestätigung", channel: .email,
            medium: .email, frequencyPerYear: 900)
        static let duty = Duty(id: "ws-d1", name: "Fundsachen verwahren", unitID: "33")
        static let entry = EntryPoint(id: "ws-e1", unitID: "32.2", channel: .onlinePortal, volumePerYear: 1_200)

        static func answer(
            _ id: String, _ unit: ID<OrgUnit>, _ question: IstQuestion, _ change: WorkshopAnswer.Change
        ) -> WorkshopAnswer {
            WorkshopAnswer(
                id: ID(id), roundID: round.id, unitID: unit, question: question, change: change,
                answeredBy: Author(id: "account:\(unit)", displayName: "Team \(unit)"),
                answeredAt: Date(timeIntervalSince1970: 1_796_000_000))
        }
    }

    @Test(arguments: StoreFixture.engines) func decisionsMergeExactlyTheAcceptedChangesWithOneLogEntryEach(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let map = Musterstadt.map()
            let tenant = map.tenant.id
            try await store.repository.saveTenant(map, processes: [], by: .local)
            try await store.repository.openWorkshopRound(Fixture.round, of: tenant)
            let other = InformationFlow(
                id: "ws-f2", from: .unit("32.2"), to: .unit("20"), channel: .email, medium: .email,
                frequencyPerYear: 10)
            let answers = [
                Fixture.answer("a1", "33", .informationNeeds, .flow(Fixture.buergerbueroSendsParkingData)),
                Fixture.answer("a2", "33", .whoWithWhom, .duty(Fixture.duty)),
                Fixture.answer("a3", "32.2", .informationNeeds, .flow(other)),
                Fixture.answer("a4", "32.2", .entryPoints, .entryPoint(Fixture.entry)),
            ]
            for answer in answers { try await store.repository.saveWorkshopAnswer(answer, of: tenant) }
            #expect(try await store.repository.workshopAnswers(of: tenant) == answers)
            let before = try await store.repository.changes(of: tenant, limit: 1_000).count

            try await store.repository.decideWorkshopAnswer("a1", .accepted, of: tenant, by: Fixture.facilitator)
            try await store.repository.decideWorkshopAnswer(
                "a2", .rejected(reason: "schon erfasst"), of: tenant, by: Fixture.facilitator)
            try await store.repository.decideWorkshopAnswer("a3", .accepted, of: tenant, by: Fixture.facilitator)
            let corrected = EntryPoint(id: "ws-e1", unitID: "32.2", channel: .onlinePortal, volumePerYear: 1_500)
            try await store.repository.decideWorkshopAnswer(
                "a4", .edited(.entryPoint(corrected)), of: tenant, by: Fixture.facilitator)
            // Decided once: a second decision is refused.
            await #expect(throws: StoreError.self) {
                try await store.repository.decideWorkshopAnswer("a2", .accepted, of: tenant, by: Fixture.facilitator)
            }

            var expected = map
            expected.flows += [Fixture.buergerbueroSendsParkingData, other]
            expected.entryPoints.append(corrected)
            #expect(try await store.repository.loadMap(of: tenant) == expected.sorted())

            // The Bürgerbüro names a flow to Straßenverkehr that Straßenverkehr does not list: one finding.
            let decided = try await store.repository.workshopAnswers(of: tenant)
            let contradictions = WorkshopContradiction.find(in: decided, round: Fixture.round, map: expected)
            #expect(contradictions.count == 1)
            let finding = try #require(contradictions.first).finding(
                id: "w-ws-1", map: expected, round: Fixture.round.id, on: Fixture.round.deadline)
            try await store.repository.recordContradiction(finding, of: tenant, by: Fixture.facilitator)
            let stored = try await store.repository.loadMap(of: tenant).findings.filter { $0.id == "w-ws-1" }
            #expect(
                stored.count == 1 && stored[0].text.contains("Bürgerbüro") && stored[0].text.contains("Straßenverkehr"))
            // The finding remembers the round it came from (read back from the store).
            #expect(stored.first?.roundID == Fixture.round.id)

            let log = try await store.repository.changes(of: tenant, limit: 1_000)
            let new = log.prefix(log.count - before).reversed().map(\.action)
            #expect(
                new == [
                    "acceptWorkshopAnswer", "rejectWorkshopAnswer", "acceptWorkshopAnswer", "editWorkshopAnswer",
                    "recordContradiction",
                ])
            #expect(log.prefix(log.count - before).allSatisfy { $0.author == Fixture.facilitator })
        }
    }

    @Test(arguments: StoreFixture.engines) func aClosedRoundTakesNoAnswers(engine: StoreFixture.Engine) async throws {
        try await StoreFixture.with(engine) { store in
            let map = Musterstadt.map()
            try await store.repository.saveTenant(map, processes: [], by: .local)
            try await store.repository.openWorkshopRound(Fixture.round, of: map.tenant.id)
            try await store.repository.closeWorkshopRound(
                Fixture.round.id, on: Fixture.round.deadline, of: map.tenant.id, by: Fixture.facilitator)
            #expect(try await store.repository.workshopRounds(of: map.tenant.id).first?.isOpen == false)
            await #expect(throws: StoreError.self) {
                try await store.repository.saveWorkshopAnswer(
                    Fixture.answer("a1", "33", .whoWithWhom, .confirmed), of: map.tenant.id)
            }
        }
    }
}
