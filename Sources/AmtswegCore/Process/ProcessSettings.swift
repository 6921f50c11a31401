/// A tenant's assumptions and thresholds for process figures and problem rules.
public struct ProcessSettings: Hashable, Sendable, Codable {
    /// Net working hours a full-time employee works in a year after holidays, leave, illness and training.
    /// KGSt practice puts this at roughly 1,600 hours for a 39-hour week; the tenant sets its own.
    public var netAnnualWorkingHours: Double
    /// Full cost of one working hour (salary, overhead, workplace) in euros, used for cost per case and savings.
    public var hourlyCost: Double
    /// A process crossing more desks (distinct positions) than this is a problem spot.
    public var maxDesks: Int
    /// A single wait longer than this many working days is a problem spot.
    public var longWaitDays: Double
    /// Hours of a working day, to turn waiting minutes into days.
    public var hoursPerWorkingDay: Double
    /// Whether figures per named person may be shown (off unless the staff council agreed).
    public var personLevelFigures: Bool

    public init(
        netAnnualWorkingHours: Double = 1_600, hourlyCost: Double = 65, maxDesks: Int = 5, longWaitDays: Double = 5,
        hoursPerWorkingDay: Double = 8, personLevelFigures: Bool = false
    ) {
        self.netAnnualWorkingHours = netAnnualWorkingHours
        self.hourlyCost = hourlyCost
        self.maxDesks = maxDesks
        self.longWaitDays = longWaitDays
        self.hoursPerWorkingDay = hoursPerWorkingDay
        self.personLevelFigures = personLevelFigures
    }

    public static let standard = ProcessSettings()

    /// The sensible range of each number, for forms and imports: a working day of 30 hours or a wait limit of
    /// zero days would turn every figure into nonsense.
    public static let bounds:
        (
            netAnnualWorkingHours: ClosedRange<Double>, hourlyCost: ClosedRange<Double>, maxDesks: ClosedRange<Int>,
            longWaitDays: ClosedRange<Double>, hoursPerWorkingDay: ClosedRange<Double>
        ) = (100...3_000, 1...1_000, 1...100, 0.5...365, 1...24)
}
