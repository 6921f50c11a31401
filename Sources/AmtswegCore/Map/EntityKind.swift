/// The kinds of object a tenant's map holds; used to name the subject of a validation finding.
public enum EntityKind: String, CaseIterable, Sendable, Codable {
    case tenant, unit, position, role, task, service, informationObject, externalParty, flow, entryPoint,
        responsibility, awareness, finding, application, document, legalBasis, skill, skillHolding, buildingBlock,
        process, step, eventLog, account, accessToken, comment, proposal, workshopRound, workshopAnswer,
        mapVersion

    public var label: String {
        switch self {
        case .tenant: "Kommune"
        case .unit: "Organisationseinheit"
        case .position: "Stelle"
        case .role: "Rolle"
        case .task: "Aufgabe"
        case .service: "Leistung"
        case .informationObject: "Informationsobjekt"
        case .externalParty: "externe Stelle"
        case .flow: "Informationsfluss"
        case .entryPoint: "Eingangskanal"
        case .responsibility: "Zuständigkeit (RACI)"
        case .awareness: "Aufgabenkenntnis"
        case .finding: "Workshop-Ergebnis"
        case .application: "Fachverfahren"
        case .document: "Dokument"
        case .legalBasis: "Rechtsgrundlage"
        case .skill: "Kompetenz"
        case .skillHolding: "Kompetenz einer Stelle"
        case .buildingBlock: "Baustein"
        case .process: "Prozess"
        case .step: "Prozessschritt"
        case .eventLog: "Ereignisprotokoll"
        case .account: "Konto"
        case .accessToken: "Zugangsschlüssel"
        case .comment: "Kommentar"
        case .proposal: "Verbesserungsvorschlag"
        case .workshopRound: "Workshop-Runde"
        case .workshopAnswer: "Workshop-Antwort"
        case .mapVersion: "Fassung der Organisation"
        }
    }
}
