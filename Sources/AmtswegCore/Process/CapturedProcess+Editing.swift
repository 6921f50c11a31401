/// Edits of a step list as the step editor makes them: change a step, add one after another, move one up or
/// down among its neighbours, remove one, or open a choice after a step. Each returns the edited list; an
/// unknown step id changes nothing and returns `nil`, so the caller can say so.
extension CapturedProcess {
    /// The step with this id and its details, wherever it sits.
    public func step(_ id: String) -> (name: String, details: StepDetails)? {
        var found: (String, StepDetails)?
        Self.visit(items) { item in
            if case .step(let stepID, let name, let details) = item, stepID == id { found = (name, details) }
        }
        return found
    }

    /// Every step id in list order (branches depth-first).
    public var stepIDs: [String] {
        var ids: [String] = []
        Self.visit(items) { item in
            if case .step(let id, _, _) = item { ids.append(id) }
        }
        return ids
    }

    public func updatingStep(_ id: String, name: String, details: StepDetails) -> CapturedProcess? {
        editing(id) { list, index in list[index] = .step(id: id, name: name, details: details) }
    }

    /// Inserts a new step right after the step `id`, in the same branch. The new step's id is made unique.
    public func insertingStep(after id: String, name: String, details: StepDetails) -> CapturedProcess? {
        let newID = freshStepIDs(1)[0]
        return editing(id) { list, index in list.insert(.step(id: newID, name: name, details: details), at: index + 1) }
    }

    /// Moves the step `id` one place up (`offset` −1) or down (+1) within its branch; a step at the edge stays.
    public func movingStep(_ id: String, by offset: Int) -> CapturedProcess? {
        editing(id) { list, index in
            let target = index + offset
            guard list.indices.contains(target) else { return }
            list.swapAt(index, target)
        }
    }

    /// Removes the step `id` and any "go back" entry that pointed to it.
    public func removingStep(_ id: String) -> CapturedProcess? {
        guard var edited = editing(id, { list, index in list.remove(at: index) }) else { return nil }
        edited.items = Self.removingGoBacks(to: id, in: edited.items)
        return edited
    }

    /// Opens a choice after the step `id`: a question and two branches, each with one new step.
    public func insertingChoice(
        after id: String, question: String, branches: [(label: String, share: Double?, stepName: String)]
    ) -> CapturedProcess? {
        let ids = freshStepIDs(branches.count)
        let made = zip(branches, ids).map { branch, stepID in
            CapturedBranch(
                label: branch.label, share: branch.share,
                items: branch.stepName.isEmpty ? [] : [.step(id: stepID, name: branch.stepName, details: StepDetails())]
            )
        }
        return editing(id) { list, index in list.insert(.choice(question: question, branches: made), at: index + 1) }
    }

    /// `count` ids not yet used by any step: "Schritt_N".
    func freshStepIDs(_ count: Int) -> [String] {
        let taken = Set(stepIDs)
        var ids: [String] = []
        var number = taken.count + 1
        while ids.count < count {
            if !taken.contains("Schritt_\(number)") { ids.append("Schritt_\(number)") }
            number += 1
        }
        return ids
    }

    // MARK: - Walking the list

    private func editing(_ id: String, _ edit: (inout [CapturedItem], Int) -> Void) -> CapturedProcess? {
        var copy = self
        guard Self.edit(&copy.items, stepID: id, edit) else { return nil }
        return copy
    }

    private static func edit(
        _ list: inout [CapturedItem], stepID: String, _ edit: (inout [CapturedItem], Int) -> Void
    ) -> Bool {
        for index in list.indices {
            switch list[index] {
            case .step(let id, _, _) where id == stepID:
                edit(&list, index)
                return true
            case .choice(let question, var branches):
                for branch in branches.indices where Self.edit(&branches[branch].items, stepID: stepID, edit) {
                    list[index] = .choice(question: question, branches: branches)
                    return true
                }
            case .parallel(var branches):
                for branch in branches.indices where Self.edit(&branches[branch].items, stepID: stepID, edit) {
                    list[index] = .parallel(branches: branches)
                    return true
                }
            default: continue
            }
        }
        return false
    }

    private static func visit(_ list: [CapturedItem], _ body: (CapturedItem) -> Void) {
        for item in list {
            body(item)
            switch item {
            case .choice(_, let branches), .parallel(let branches):
                for branch in branches { visit(branch.items, body) }
            default: continue
            }
        }
    }

    private static func removingGoBacks(to id: String, in list: [CapturedItem]) -> [CapturedItem] {
        list.compactMap { item in
            switch item {
            case .goBack(let target, _, _) where target == id: return nil
            case .choice(let question, let branches):
                return .choice(
                    question: question,
                    branches: branches.map {
                        .init(label: $0.label, share: $0.share, items: removingGoBacks(to: id, in: $0.items))
                    })
            case .parallel(let branches):
                return .parallel(
                    branches: branches.map {
                        .init(label: $0.label, share: $0.share, items: removingGoBacks(to: id, in: $0.items))
                    })
            default: return item
            }
        }
    }
}
