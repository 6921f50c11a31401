/// A building block (Baustein) for capturing a process step by step without BPMN knowledge: "Antrag
/// entgegennehmen", "Vollständigkeit prüfen" … Amtsweg ships a standard catalogue; a tenant may add its own.
public struct BuildingBlock: Hashable, Sendable, Codable {
    public typealias Key = ID<BuildingBlock>

    /// The BPMN task type a step of this block becomes.
    public enum TaskType: String, CaseIterable, Sendable, Codable {
        case user, manual, service, send, receive, businessRule, script, plain

        /// The BPMN element's local name.
        public var bpmnElement: String {
            switch self {
            case .user: "userTask"
            case .manual: "manualTask"
            case .service: "serviceTask"
            case .send: "sendTask"
            case .receive: "receiveTask"
            case .businessRule: "businessRuleTask"
            case .script: "scriptTask"
            case .plain: "task"
            }
        }
    }

    public var key: Key
    /// The block's name in the UI, a verb phrase in plain administrative German.
    public var label: String
    public var taskType: TaskType
    /// What the block means, for staff choosing one.
    public var explanation: String

    public init(key: Key, label: String, taskType: TaskType, explanation: String) {
        self.key = key
        self.label = label
        self.taskType = taskType
        self.explanation = explanation
    }

    /// The standard catalogue: the recurring steps of municipal case handling.
    public static let standard: [BuildingBlock] = [
        .init(
            key: "antrag-entgegennehmen", label: "Antrag entgegennehmen", taskType: .receive,
            explanation: "Ein Antrag oder Anliegen geht ein – am Schalter, per Post, E-Mail oder online."),
        .init(
            key: "eingang-erfassen", label: "Eingang erfassen", taskType: .user,
            explanation: "Der Eingang wird registriert, gescannt oder einer Akte zugeordnet."),
        .init(
            key: "vollstaendigkeit-pruefen", label: "Vollständigkeit prüfen", taskType: .user,
            explanation: "Prüfen, ob alle Angaben und Unterlagen vorliegen."),
        .init(
            key: "unterlagen-nachfordern", label: "Unterlagen nachfordern", taskType: .send,
            explanation: "Fehlende Unterlagen oder Angaben werden beim Antragsteller angefordert."),
        .init(
            key: "identitaet-pruefen", label: "Identität prüfen", taskType: .user,
            explanation: "Ausweis oder Vollmacht prüfen."),
        .init(
            key: "inhaltlich-pruefen", label: "Inhaltlich prüfen", taskType: .user,
            explanation: "Die Sache wird fachlich und rechtlich geprüft."),
        .init(
            key: "daten-erfassen", label: "Daten erfassen", taskType: .user,
            explanation: "Angaben werden in ein Fachverfahren oder eine Liste übertragen."),
        .init(
            key: "register-abfragen", label: "Register abfragen", taskType: .service,
            explanation: "Auskunft aus einem Register (Melde-, Gewerbe-, Liegenschaftsregister …) einholen."),
        .init(
            key: "beteiligen", label: "Beteiligen / Stellungnahme einholen", taskType: .send,
            explanation: "Andere Stellen im Haus oder außerhalb werden beteiligt und um Stellungnahme gebeten."),
        .init(
            key: "stellungnahme-abgeben", label: "Stellungnahme abgeben", taskType: .user,
            explanation: "Eine beteiligte Stelle äußert sich zur Sache."),
        .init(
            key: "weiterleiten", label: "Weiterleiten", taskType: .manual,
            explanation: "Der Vorgang wird an eine andere Stelle weitergegeben."),
        .init(
            key: "abstimmen", label: "Abstimmen / Rücksprache", taskType: .manual,
            explanation: "Rückfragen klären, intern oder mit dem Antragsteller."),
        .init(
            key: "entscheiden", label: "Entscheiden", taskType: .businessRule,
            explanation: "Über den Antrag wird entschieden."),
        .init(
            key: "mitzeichnen", label: "Mitzeichnen / Freigeben", taskType: .user,
            explanation: "Eine Vorgesetzte oder ein Vorgesetzter zeichnet mit oder gibt frei."),
        .init(
            key: "bescheid-erstellen", label: "Bescheid erstellen", taskType: .user,
            explanation: "Bescheid, Genehmigung, Bescheinigung oder Ablehnung wird geschrieben."),
        .init(
            key: "gebuehr-erheben", label: "Gebühr erheben", taskType: .user,
            explanation: "Gebühr festsetzen, Kassenanordnung erstellen oder Zahlung annehmen."),
        .init(
            key: "zahlung-pruefen", label: "Zahlungseingang prüfen", taskType: .service,
            explanation: "Prüfen, ob die Gebühr bezahlt ist."),
        .init(
            key: "zustellen", label: "Zustellen / Versenden", taskType: .send,
            explanation: "Das Ergebnis geht an den Antragsteller – per Post, Postfach oder Abholung."),
        .init(
            key: "aushaendigen", label: "Aushändigen", taskType: .manual,
            explanation: "Dokument oder Bescheinigung wird am Schalter übergeben."),
        .init(
            key: "informieren", label: "Andere Stellen informieren", taskType: .send,
            explanation: "Mitteilung an Stellen, die vom Ergebnis wissen müssen (Finanzamt, Statistik …)."),
        .init(
            key: "frist-abwarten", label: "Frist abwarten", taskType: .receive,
            explanation: "Eine Frist (Widerspruch, Anhörung, Zahlung) läuft ab, bevor es weitergeht."),
        .init(
            key: "archivieren", label: "Archivieren", taskType: .manual,
            explanation: "Akte abschließen und zur Aufbewahrung geben."),
    ]

    /// The standard catalogue by key.
    public static let standardByKey = Dictionary(uniqueKeysWithValues: standard.map { ($0.key, $0) })
}
