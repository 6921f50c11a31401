/// What a goal measures. Every kind is computed from the data Amtsweg already holds — the map, the process
/// models, the event logs — never typed in, so that a goal's trend shows what really changed.
public enum IndicatorKind: String, CaseIterable, Hashable, Sendable, Codable {
    /// Hand-offs per citizen request: per-case hand-offs of each service, weighted by its case volume.
    case handoffsPerRequest
    /// Desks a request crosses, averaged over the services that have a current process.
    case desksPerService
    /// Media breaks per case, summed over the current processes.
    case mediaBreaks
    /// Staff hours a year bound in the current processes.
    case staffHoursPerYear
    /// Share of requests (entry points, by volume) that arrive on a digital channel, in percent.
    case digitalEntryShare
    /// Share of tasks with exactly one Accountable and at least one Responsible, in percent.
    case raciCompleteness
    /// How well units know each other's tasks (average known-by coverage), in percent.
    case taskTransparency
    /// Open problem spots (of one rule, or of all).
    case openProblemSpots
    /// Median lead time of the cases in the process's event log, in calendar days.
    case leadTimeMedian
    /// How well the process's event log fits the process model (alignment fitness), in percent.
    case conformanceFitness
    /// Share of services at or above a maturity level (OZG), in percent. Needs maturity assessments.
    case maturityShare

    /// Where the value comes from.
    public enum Source: String, Sendable, Codable {
        case map, processModel, eventLog, ozg

        public var label: String {
            switch self {
            case .map: "Organisation und Ist-Analyse"
            case .processModel: "Prozessmodelle"
            case .eventLog: "Ereignisprotokolle"
            case .ozg: "OZG-Reifegrad"
            }
        }
    }

    public var source: Source {
        switch self {
        case .digitalEntryShare, .raciCompleteness, .taskTransparency: .map
        case .handoffsPerRequest, .desksPerService, .mediaBreaks, .staffHoursPerYear, .openProblemSpots: .processModel
        case .leadTimeMedian, .conformanceFitness: .eventLog
        case .maturityShare: .ozg
        }
    }

    public var label: String {
        switch self {
        case .handoffsPerRequest: "Übergaben je Bürgeranliegen"
        case .desksPerService: "Stationen je Leistung"
        case .mediaBreaks: "Medienbrüche insgesamt"
        case .staffHoursPerYear: "Personalstunden im Jahr"
        case .digitalEntryShare: "Anteil digital eingehender Anliegen"
        case .raciCompleteness: "Vollständigkeit der Verantwortlichkeiten (RACI)"
        case .taskTransparency: "Aufgabentransparenz"
        case .openProblemSpots: "Offene Schwachstellen"
        case .leadTimeMedian: "Durchlaufzeit (Median, gemessen)"
        case .conformanceFitness: "Übereinstimmung mit dem Modell (Fitness)"
        case .maturityShare: "Anteil Leistungen ab Reifegrad"
        }
    }

    /// The unit values are shown in.
    public var unit: String {
        switch self {
        case .handoffsPerRequest: "Übergaben"
        case .desksPerService: "Stationen"
        case .mediaBreaks: "Medienbrüche"
        case .staffHoursPerYear: "Stunden/Jahr"
        case .digitalEntryShare, .raciCompleteness, .taskTransparency, .conformanceFitness, .maturityShare: "%"
        case .openProblemSpots: "Schwachstellen"
        case .leadTimeMedian: "Kalendertage"
        }
    }

    /// Whether a smaller value is the better one — the direction a goal on it usually takes.
    public var lowerIsBetter: Bool {
        switch self {
        case .handoffsPerRequest, .desksPerService, .mediaBreaks, .staffHoursPerYear, .openProblemSpots,
            .leadTimeMedian:
            true
        case .digitalEntryShare, .raciCompleteness, .taskTransparency, .conformanceFitness, .maturityShare: false
        }
    }

    /// Whether the indicator needs a process to be measured on (the process's event log).
    public var needsProcess: Bool { source == .eventLog }

    /// The scopes a goal on this indicator may narrow it to.
    public func allows(_ scope: IndicatorScope) -> Bool {
        switch (self, scope) {
        case (.leadTimeMedian, .process), (.conformanceFitness, .process): true
        case (.leadTimeMedian, _), (.conformanceFitness, _): false
        case (_, .tenant): true
        case (.handoffsPerRequest, .service), (.handoffsPerRequest, .process): true
        case (.desksPerService, .service), (.desksPerService, .process): true
        case (.mediaBreaks, .service), (.mediaBreaks, .process): true
        case (.staffHoursPerYear, _): true
        case (.digitalEntryShare, .unit), (.raciCompleteness, .unit), (.taskTransparency, .unit): true
        case (.openProblemSpots, _): true
        case (.maturityShare, .unit), (.maturityShare, .service): true
        default: false
        }
    }
}
