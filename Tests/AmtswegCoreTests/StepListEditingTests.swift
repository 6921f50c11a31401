import AmtswegCore
import Testing

/// The step editor's edits on a step list, in the core where they are plain value transformations.
@Suite struct StepListEditingTests {
    static let list = CapturedProcess(
        id: "p", name: "Antrag",
        items: [
            .step(id: "a", name: "Eingang", details: StepDetails(handlingMinutes: 5)),
            .choice(
                question: "vollständig?",
                branches: [
                    CapturedBranch(label: "ja", share: 0.8, items: [.step(id: "b", name: "Prüfen", details: .init())]),
                    CapturedBranch(
                        label: "nein", share: 0.2, items: [.step(id: "c", name: "Nachfordern", details: .init())]),
                ]),
            .goBack(toStepID: "a", share: 0.1, label: "zurück"),
            .step(id: "d", name: "Bescheid", details: .init()),
        ])

    @Test func findsStepsInBranches() {
        #expect(Self.list.stepIDs == ["a", "b", "c", "d"])
        #expect(Self.list.step("c")?.name == "Nachfordern")
        #expect(Self.list.step("x") == nil)
    }

    @Test func updatesAStepInsideABranch() throws {
        let edited = try #require(
            Self.list.updatingStep("c", name: "Unterlagen nachfordern", details: StepDetails(medium: .email)))
        #expect(edited.step("c")?.name == "Unterlagen nachfordern")
        #expect(edited.step("c")?.details.medium == .email)
        #expect(edited.step("a")?.details == Self.list.step("a")?.details)
        #expect(Self.list.updatingStep("x", name: "", details: .init()) == nil)
    }

    @Test func insertsWithAFreshIDAndMovesWithinTheBranch() throws {
        let inserted = try #require(Self.list.insertingStep(after: "b", name: "Gegenzeichnen", details: .init()))
        #expect(inserted.stepIDs == ["a", "b", "Schritt_5", "c", "d"])
        let moved = try #require(inserted.movingStep("Schritt_5", by: -1))
        #expect(moved.stepIDs == ["a", "Schritt_5", "b", "c", "d"])
        // At the top of its branch a step stays where it is.
        #expect(try #require(moved.movingStep("Schritt_5", by: -1)).stepIDs == moved.stepIDs)
        // "d" swaps with the go-back entry before it, which stays in the list.
        let down = try #require(Self.list.movingStep("a", by: 1))
        guard case .choice = down.items[0] else {
            Issue.record("the choice should now come first")
            return
        }
    }

    @Test func removingAStepDropsGoBacksToIt() throws {
        let removed = try #require(Self.list.removingStep("a"))
        #expect(removed.stepIDs == ["b", "c", "d"])
        #expect(!removed.items.contains { if case .goBack = $0 { true } else { false } })
    }

    @Test func opensAChoiceAfterAStep() throws {
        let edited = try #require(
            Self.list.insertingChoice(
                after: "d", question: "Widerspruch?", branches: [("ja", 0.1, "Abhilfe prüfen"), ("nein", 0.9, "")]))
        guard case .choice(let question, let branches) = edited.items.last else {
            Issue.record("no choice after d")
            return
        }
        #expect(question == "Widerspruch?")
        #expect(branches.map(\.label) == ["ja", "nein"])
        #expect(branches[0].items.count == 1 && branches[1].items.isEmpty)
        #expect(Set(edited.stepIDs).count == edited.stepIDs.count, "ids stay unique")
    }
}
