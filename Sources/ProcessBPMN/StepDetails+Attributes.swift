import AmtswegCore
import BPMN

extension StepDetails {
    /// The step's enrichment as Amtsweg attributes.
    var attributes: [AmtswegAttributes.Name: String] {
        var values: [AmtswegAttributes.Name: String] = [:]
        values[.block] = block?.rawValue
        values[.performer] = performer?.description
        values[.medium] = medium?.rawValue
        if handlingMinutes != 0 { values[.handling] = AmtswegAttributes.number(handlingMinutes) }
        if waitingMinutes != 0 { values[.waiting] = AmtswegAttributes.number(waitingMinutes) }
        values[.applications] = AmtswegAttributes.list(applicationIDs.map(\.rawValue))
        values[.inputs] = AmtswegAttributes.list(inputIDs.map(\.rawValue))
        values[.outputs] = AmtswegAttributes.list(outputIDs.map(\.rawValue))
        values[.documents] = AmtswegAttributes.list(documentIDs.map(\.rawValue))
        values[.legalBases] = AmtswegAttributes.list(legalBasisIDs.map(\.rawValue))
        values[.skills] = AmtswegAttributes.list(requiredSkills.map { "\($0.skillID.rawValue)=\($0.level.rawValue)" })
        values[.raci] = AmtswegAttributes.list(responsibilities.map { "\($0.kind.rawValue)=\($0.performer)" })
        return values
    }

    /// Reads a step's enrichment; `nil` when the element has none. Values that cannot be read are reported
    /// in `problems` and left out.
    init?(attributes values: [AmtswegAttributes.Name: String], elementID: String, problems: inout [String]) {
        let stepNames: [AmtswegAttributes.Name] = [
            .block, .performer, .medium, .handling, .waiting, .applications, .inputs, .outputs, .documents,
            .legalBases, .skills, .raci,
        ]
        guard stepNames.contains(where: { values[$0] != nil }) else { return nil }
        self.init()
        func minutes(_ name: AmtswegAttributes.Name) -> Double {
            guard let text = values[name] else { return 0 }
            guard let value = Double(text), value.isFinite, value >= 0 else {
                problems.append("\(elementID): amtsweg:\(name.rawValue)=\"\(text)\" ist keine Minutenzahl")
                return 0
            }
            return value
        }
        block = values[.block].map { BuildingBlock.Key($0) }
        if let text = values[.performer] {
            performer = Performer(reference: text)
            if performer == nil { problems.append("\(elementID): unbekannte Zuordnung amtsweg:performer=\"\(text)\"") }
        }
        if let text = values[.medium] {
            medium = Medium(spelling: text)
            if medium == nil { problems.append("\(elementID): unbekanntes Medium \"\(text)\"") }
        }
        handlingMinutes = minutes(.handling)
        waitingMinutes = minutes(.waiting)
        applicationIDs = AmtswegAttributes.items(values[.applications]).map { ID($0) }
        inputIDs = AmtswegAttributes.items(values[.inputs]).map { ID($0) }
        outputIDs = AmtswegAttributes.items(values[.outputs]).map { ID($0) }
        documentIDs = AmtswegAttributes.items(values[.documents]).map { ID($0) }
        legalBasisIDs = AmtswegAttributes.items(values[.legalBases]).map { ID($0) }
        for item in AmtswegAttributes.items(values[.skills]) {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2, let raw = Int(parts[1]), let level = SkillLevel(rawValue: raw) {
                requiredSkills.append(SkillRequirement(ID(parts[0]), level: level))
            } else {
                problems.append("\(elementID): Kompetenz \"\(item)\" nicht lesbar (erwartet id=Stufe 1–4)")
            }
        }
        for item in AmtswegAttributes.items(values[.raci]) {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2, let kind = Responsibility.Kind(rawValue: parts[0]),
                let performer = Performer(reference: parts[1])
            {
                responsibilities.append(StepResponsibility(kind, performer))
            } else {
                problems.append("\(elementID): RACI-Eintrag \"\(item)\" nicht lesbar (erwartet R=position:id)")
            }
        }
    }
}
