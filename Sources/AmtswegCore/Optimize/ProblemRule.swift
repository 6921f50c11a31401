/// The rules that find problem spots (Schwachstellen) in processes and their surroundings.
public enum ProblemRule: String, CaseIterable, Sendable, Codable {
    case pingPong, tooManyDesks, mediaBreak, missingResponsible, severalAccountables, singlePointOfKnowledge,
        paperDespiteApplication, doubleEntry, longWait, processWithoutOwner, serviceWithoutProcess,
        unusedInformationFlow, stepWithoutPerformer, unknownReference

    public var severity: ProblemSeverity {
        switch self {
        case .pingPong, .tooManyDesks, .doubleEntry, .singlePointOfKnowledge, .severalAccountables: .high
        case .mediaBreak, .missingResponsible, .paperDespiteApplication, .longWait, .processWithoutOwner,
            .unknownReference:
            .medium
        case .serviceWithoutProcess, .unusedInformationFlow, .stepWithoutPerformer: .low
        }
    }

    /// The rule's name in the UI.
    public var title: String {
        switch self {
        case .pingPong: "Ping-Pong-Übergabe"
        case .tooManyDesks: "Zu viele Stationen"
        case .mediaBreak: "Medienbruch"
        case .missingResponsible: "Schritt ohne Durchführungsverantwortung"
        case .severalAccountables: "Mehrere Gesamtverantwortliche"
        case .singlePointOfKnowledge: "Wissen nur bei einer Stelle"
        case .paperDespiteApplication: "Papier trotz Fachverfahren"
        case .doubleEntry: "Doppelerfassung"
        case .longWait: "Lange Liegezeit"
        case .processWithoutOwner: "Prozess ohne Verantwortliche"
        case .serviceWithoutProcess: "Leistung ohne Prozess"
        case .unusedInformationFlow: "Informationsfluss ohne Prozess"
        case .stepWithoutPerformer: "Schritt ohne Zuordnung"
        case .unknownReference: "Verweis ins Leere"
        }
    }

    /// Why the rule matters, in one or two plain sentences.
    public var explanation: String {
        switch self {
        case .pingPong:
            "Der Vorgang geht von einer Stelle zur nächsten und gleich wieder zurück. Jede Übergabe kostet Liegezeit "
                + "und Einarbeitung; oft lässt sich die Arbeit an einer Stelle bündeln."
        case .tooManyDesks:
            "Der Vorgang läuft über mehr Stellen als der Schwellenwert der Kommune. Viele Stationen bedeuten viele "
                + "Übergaben, lange Durchlaufzeiten und unklare Zuständigkeit."
        case .mediaBreak:
            "Zwischen zwei Schritten wechselt die Information das Medium, etwa von Papier ins Fachverfahren. Dabei "
                + "wird abgetippt, gescannt oder ausgedruckt – Aufwand und Fehlerquelle."
        case .missingResponsible:
            "Für diesen Schritt ist niemand als Durchführende(r) (R) benannt, weder direkt noch über die Bahn."
        case .severalAccountables:
            "Für diesen Schritt sind mehrere Gesamtverantwortliche (A) benannt. Nach RACI gibt es genau eine(n)."
        case .singlePointOfKnowledge:
            "Eine Kompetenz, die der Prozess braucht, hat nur eine einzige Stelle. Fällt sie aus, steht der Prozess."
        case .paperDespiteApplication:
            "Der Schritt wird auf Papier erledigt, obwohl die Organisationseinheit bereits ein Fachverfahren nutzt."
        case .doubleEntry:
            "Dieselbe Information wird in zwei verschiedenen Fachverfahren erfasst. Eine Schnittstelle oder ein "
                + "gemeinsamer Datenbestand spart die zweite Erfassung."
        case .longWait:
            "Der Vorgang liegt hier länger als der Schwellenwert der Kommune, ohne bearbeitet zu werden."
        case .processWithoutOwner:
            "Der Prozess hat keine verantwortliche Organisationseinheit. Ohne Prozessverantwortung wird er nicht "
                + "gepflegt und nicht verbessert."
        case .serviceWithoutProcess:
            "Für diese Leistung ist noch kein Prozess erfasst. Ohne Prozess lassen sich Aufwand und "
                + "Digitalisierungspotenzial nicht beurteilen."
        case .unusedInformationFlow:
            "Dieser Informationsfluss aus der Ist-Analyse kommt in keinem erfassten Prozess vor. Entweder fehlt ein "
                + "Prozess, oder der Fluss ist überholt."
        case .stepWithoutPerformer:
            "Der Schritt ist keiner Stelle, Rolle oder Organisationseinheit zugeordnet; Stationen, Übergaben und "
                + "Personalbedarf sind für ihn nicht berechenbar."
        case .unknownReference:
            "Der Prozess verweist auf etwas, das es in der Kommune nicht (mehr) gibt."
        }
    }
}

/// How urgent a problem spot is.
public enum ProblemSeverity: String, CaseIterable, Sendable, Codable, Comparable {
    case high, medium, low

    public var label: String {
        switch self {
        case .high: "hoch"
        case .medium: "mittel"
        case .low: "niedrig"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
