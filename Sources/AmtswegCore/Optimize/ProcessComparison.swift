/// An Ist process beside its Soll version: every key figure of both, the differences, and what the change
/// saves in a year at the service's case volume.
public struct ProcessComparison: Hashable, Sendable, Codable {
    /// One key figure, as-is and to-be.
    public struct Row: Hashable, Sendable, Codable {
        public var key: String
        public var label: String
        public var unit: String
        public var ist: Double
        public var soll: Double
        /// soll − ist.
        public var delta: Double
        /// delta ÷ ist (`nil` where ist is 0).
        public var relativeDelta: Double?
    }

    public var ist: ProcessFigures
    public var soll: ProcessFigures
    /// All-path figures side by side.
    public var rows: [Row]
    public var casesPerYear: Int?
    /// casesPerYear × (ist − soll handling minutes) ÷ 60.
    public var savedHoursPerYear: Double?
    /// savedHoursPerYear ÷ net annual working hours.
    public var savedFTE: Double?
    /// savedHoursPerYear × hourly cost.
    public var savedEurosPerYear: Double?

    public init(ist: ProcessModel, soll: ProcessModel, map: TenantMap) {
        let organisation = OrganisationLookup(map)
        let cases = (ist.serviceID ?? soll.serviceID).flatMap { id in map.services.first { $0.id == id }?.casesPerYear }
        self.ist = ProcessFigures(process: ist, organisation: organisation, settings: map.settings, casesPerYear: cases)
        self.soll = ProcessFigures(
            process: soll, organisation: organisation, settings: map.settings, casesPerYear: cases)
        casesPerYear = cases
        let a = self.ist.allPaths, b = self.soll.allPaths
        let figures: [(String, String, String, Double, Double)] = [
            ("desks", "Stationen", "Stellen", Double(a.desks), Double(b.desks)),
            ("units", "Organisationseinheiten", "OE", Double(a.units), Double(b.units)),
            ("handoffs", "Übergaben", "je Fall", a.handoffs, b.handoffs),
            ("unitCrossings", "Wechsel der Organisationseinheit", "je Fall", a.unitCrossings, b.unitCrossings),
            ("loopBacks", "Rücksprünge", "je Fall", a.loopBacks, b.loopBacks),
            ("mediaBreaks", "Medienbrüche", "je Fall", a.mediaBreaks, b.mediaBreaks),
            (
                "specialistSoftwareShare", "Anteil Schritte im Fachverfahren", "Anteil", a.specialistSoftwareShare,
                b.specialistSoftwareShare
            ),
            ("handlingMinutes", "Bearbeitungszeit", "Minuten je Fall", a.handlingMinutes, b.handlingMinutes),
            ("waitingMinutes", "Liegezeit", "Minuten je Fall", a.waitingMinutes, b.waitingMinutes),
            ("leadTimeMinutes", "Durchlaufzeit", "Minuten je Fall", a.leadTimeMinutes, b.leadTimeMinutes),
            ("staffCostPerCase", "Personalkosten", "€ je Fall", a.staffCostPerCase, b.staffCostPerCase),
        ]
        rows = figures.map { key, label, unit, ist, soll in
            Row(
                key: key, label: label, unit: unit, ist: ist, soll: soll, delta: soll - ist,
                relativeDelta: ist != 0 ? (soll - ist) / ist : nil)
        }
        if let cases {
            let hours = Double(cases) * (a.handlingMinutes - b.handlingMinutes) / 60
            savedHoursPerYear = hours
            savedFTE = hours / map.settings.netAnnualWorkingHours
            savedEurosPerYear = hours * map.settings.hourlyCost
        }
    }
}
