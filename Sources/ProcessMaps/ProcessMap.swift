public import ProcessMining

/// The process map of an event log as a reader sees it: the directly-follows graph simplified by two sliders,
/// as Disco and Celonis do. *Activities* keeps the most frequent share of the activities (the others are
/// left out and the log is read as if they had not happened, so A → X → B becomes A → B); *paths* keeps the
/// most frequent share of the edges, but always each activity's most frequent incoming and outgoing edge (loops
/// aside), so
/// that nothing is left hanging.
public struct ProcessMap: Sendable, Codable, Equatable {
    public enum Metric: String, Sendable, Codable, CaseIterable {
        /// Edges labelled with how often one activity directly followed the other.
        case frequency
        /// Edges labelled with the mean calendar time between the two.
        case duration
    }

    public struct Activity: Sendable, Codable, Equatable {
        public var name: String
        public var count: Int
    }

    /// An edge between two activities; `from` is nil for the start of cases, `to` nil for their end.
    public struct Edge: Sendable, Codable, Equatable {
        public var from: String?
        public var to: String?
        public var count: Int
        public var meanSeconds: Double?
        public var medianSeconds: Double?
    }

    public var activityPercent: Int
    public var pathPercent: Int
    public var activities: [Activity]
    public var edges: [Edge]
    /// How much the sliders left out.
    public var hiddenActivities: Int
    public var hiddenEdges: Int

    /// At most about this many activities at the default setting, so that a first look is readable.
    public static let readableActivities = 30
    public static let defaultPathPercent = 10

    /// The share of activities that shows about ``readableActivities`` of a log's activities.
    public static func defaultActivityPercent(activityCount: Int) -> Int {
        activityCount <= readableActivities ? 100 : max(1, readableActivities * 100 / activityCount)
    }

    public init(log: EventLog, activityPercent: Int, pathPercent: Int) {
        let activityPercent = min(100, max(1, activityPercent)), pathPercent = min(100, max(0, pathPercent))
        let filtered = log.keepingFrequentActivities(percent: activityPercent)
        let graph = DirectlyFollowsGraph(filtered)
        var all: [Edge] = graph.startActivities.map { Edge(from: nil, to: $0.key, count: $0.value) }
        all += graph.edges.map {
            Edge(
                from: $0.from, to: $0.to, count: $0.count, meanSeconds: $0.meanSeconds, medianSeconds: $0.medianSeconds)
        }
        all += graph.endActivities.map { Edge(from: $0.key, to: nil, count: $0.value) }
        // Most frequent first; ties in name order, so the choice is the same in every run.
        all.sort { ($1.count, $0.from ?? "", $0.to ?? "") < ($0.count, $1.from ?? "", $1.to ?? "") }
        var keep = [Bool](repeating: false, count: all.count)
        let wanted = Int((Double(all.count) * Double(pathPercent) / 100).rounded(.up))
        for index in 0..<min(wanted, all.count) { keep[index] = true }
        var hasIn = Set<String>(), hasOut = Set<String>()
        // A loop (A → A) does not connect an activity to the rest: it does not count for the guarantee.
        for (index, edge) in all.enumerated() where edge.from == nil || edge.from != edge.to {
            if let to = edge.to, !hasIn.contains(to) {
                hasIn.insert(to)
                keep[index] = true
            }
            if let from = edge.from, !hasOut.contains(from) {
                hasOut.insert(from)
                keep[index] = true
            }
        }
        self.activityPercent = activityPercent
        self.pathPercent = pathPercent
        activities = graph.activityCounts.map { Activity(name: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.name) < ($0.count, $1.name) }
        edges = all.indices.filter { keep[$0] }.map { all[$0] }
        hiddenActivities = Set(log.activity).count - activities.count
        hiddenEdges = all.count - edges.count
    }
}
