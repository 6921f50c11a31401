extension IstQuestion {
    /// What a unit adds to the map when it answers the question for itself in a workshop round.
    public enum AnswerKind: String, Sendable, Hashable {
        /// A task of the unit.
        case duty
        /// An information flow from or to the unit, with channel and medium.
        case flow
        /// What goes wrong or is unclear, in the unit's words.
        case finding
        /// Where requests reach the unit.
        case entryPoint
        /// Another unit whose tasks the unit knows.
        case awareness
    }

    /// Question 1 is answered with the unit's tasks (whom it deals with follows from them and its flows),
    /// 2 with its flows, 5 with its entry points, 7 with the units it knows; 3, 4 and 6 — interfaces and
    /// responsibilities — with what goes wrong, in words.
    public var answerKind: AnswerKind {
        switch self {
        case .whoWithWhom: .duty
        case .informationNeeds: .flow
        case .internalInterfaces, .externalInterfaces, .responsibilities: .finding
        case .entryPoints: .entryPoint
        case .taskTransparency: .awareness
        }
    }
}

extension WorkshopAnswer.Change {
    /// The kind as the API and exports name it.
    public var kind: String {
        switch self {
        case .duty: "duty"
        case .flow: "flow"
        case .entryPoint: "entryPoint"
        case .awareness: "awareness"
        case .finding: "finding"
        case .confirmed: "confirmed"
        }
    }

    /// The change in words with the map's names, as the facilitator decides on it.
    public func description(in index: MapIndex) -> String {
        switch self {
        case .duty(let duty): "Aufgabe „\(duty.name)“"
        case .flow(let flow):
            "Informationsfluss von \(index.name(of: flow.from)) an \(index.name(of: flow.to))"
                + (index.objectName(flow.objectID).map { ": „\($0)“" } ?? "")
                + " (\(flow.channel.label), \(flow.medium.label), \(GermanFormat.integer(flow.frequencyPerYear)) im Jahr)"
        case .entryPoint(let entry):
            "Anfragen kommen an über \(entry.channel.label) (\(GermanFormat.integer(entry.volumePerYear)) im Jahr)"
        case .awareness(let awareness): "Kennt die Aufgaben von „\(index.unitName(awareness.knownUnitID))“"
        case .finding(let finding): "Befund: \(finding.text)"
        case .confirmed: "Nichts zu ergänzen – das Erfasste stimmt"
        }
    }
}
