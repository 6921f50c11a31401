/// How a trace and a model fit together, move by move: an optimal alignment under the standard cost function.
public struct Alignment: Hashable, Sendable, Codable {
    public enum Move: Hashable, Sendable, Codable {
        /// Event and model agree: the transition fires for the event.
        case synchronous(activity: String, transition: String)
        /// An event the model cannot follow at this point (move on log).
        case onLog(activity: String)
        /// A model step without an event: a visible transition the log skipped, or a silent one (`label` nil).
        case onModel(transition: String, label: String?)

        /// Whether this move is a deviation (silent model moves are not).
        public var isDeviation: Bool {
            switch self {
            case .synchronous: false
            case .onLog: true
            case .onModel(_, let label): label != nil
            }
        }
    }

    /// Cost of a move on log or of a visible move on model; pm4py's `STD_MODEL_LOG_MOVE_COST`.
    public static let deviationCost = 10_000
    /// Cost of a silent move, small enough never to outweigh a deviation; pm4py's `STD_TAU_COST`.
    public static let silentCost = 1

    public var moves: [Move]
    public var cost: Int
    /// The cost of the worst reasonable alignment: every event a move on log plus the cheapest run of the
    /// model alone. The log's fitness divides summed costs by summed worst costs.
    public var worstCost: Int

    /// 1 − deviations / (events + fewest visible steps through the model), as pm4py computes a trace's fitness.
    public var fitness: Double {
        let deviations = cost / Self.deviationCost, worst = worstCost / Self.deviationCost
        return worst > 0 ? 1 - Double(deviations) / Double(worst) : 0
    }
}
