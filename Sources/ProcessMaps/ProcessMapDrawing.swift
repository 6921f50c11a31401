import AmtswegSupport
import AmtswegXML

/// The process map drawn for reading: activities as boxes shaded by frequency with their count, edges as
/// curves as thick as they are frequent, each with its figure beside it, a start and an end, and a legend.
/// Laid out by ``LayeredLayout``. Every activity is a `g` with class `activity`, every edge a `path` with
/// class `edge`, every label a `text`, so that styles and tests can find them; names too long for a box are
/// shortened there and given whole in its tooltip.
public struct ProcessMapDrawing: Sendable {
    /// The words of the drawing in the reader's language, and how numbers and durations are written.
    public struct Words: Sendable {
        public var title: String
        public var start: String
        public var end: String
        public var legendActivity: String
        public var legendEdge: String
        public var legendShading: String
        public var number: @Sendable (Int) -> String
        public var duration: @Sendable (Double) -> String

        public init(
            title: String, start: String, end: String, legendActivity: String, legendEdge: String,
            legendShading: String, number: @escaping @Sendable (Int) -> String,
            duration: @escaping @Sendable (Double) -> String
        ) {
            self.title = title
            self.start = start
            self.end = end
            self.legendActivity = legendActivity
            self.legendEdge = legendEdge
            self.legendShading = legendShading
            self.number = number
            self.duration = duration
        }
    }

    static let nameSize = 12.0, figureSize = 11.0, labelSize = 11.0
    static let boxMinWidth = 96.0, boxMaxWidth = 168.0, padding = 8.0, lineHeight = 14.0
    static let terminal = 22.0

    public let map: ProcessMap
    public let metric: ProcessMap.Metric
    public let words: Words
    /// The graph handed to the layout: the start (index 0), the end (1), then the activities in map order.
    public let graph: LayeredGraph
    public let layout: LayeredDrawing
    let nameLines: [[String]]
    let edgeLabels: [String]

    public init(_ map: ProcessMap, metric: ProcessMap.Metric, words: Words) {
        self.map = map
        self.metric = metric
        self.words = words
        var nodes = [
            LayeredGraph.Node(width: Self.terminal, height: Self.terminal, pin: .first),
            LayeredGraph.Node(width: Self.terminal, height: Self.terminal, pin: .last),
        ]
        var lines: [[String]] = [[], []]
        var index: [String: Int] = [:]
        for activity in map.activities {
            index[activity.name] = nodes.count
            let wrapped = TextLines.wrap(
                activity.name, width: Self.boxMaxWidth - 2 * Self.padding, fontSize: Self.nameSize, lines: 3)
            let widest = wrapped.map { TextMetrics.width($0, fontSize: Self.nameSize) }.max() ?? 0
            let figure = TextMetrics.width(words.number(activity.count), fontSize: Self.figureSize)
            let width = min(Self.boxMaxWidth, max(Self.boxMinWidth, max(widest, figure) + 2 * Self.padding))
            nodes.append(
                LayeredGraph.Node(
                    width: width, height: 2 * Self.padding - 2 + Double(wrapped.count + 1) * Self.lineHeight))
            lines.append(wrapped)
        }
        var edges: [LayeredGraph.Edge] = []
        var labels: [String] = []
        for edge in map.edges {
            let from = edge.from.flatMap { index[$0] } ?? 0, to = edge.to.flatMap { index[$0] } ?? 1
            let label: String
            switch metric {
            case .frequency: label = words.number(edge.count)
            case .duration: label = edge.meanSeconds.map(words.duration) ?? ""
            }
            let width = label.isEmpty ? 0 : TextMetrics.width(label, fontSize: Self.labelSize) + 2
            edges.append(
                LayeredGraph.Edge(
                    from: from, to: to, weight: Double(edge.count), labelWidth: width,
                    labelHeight: label.isEmpty ? 0 : Self.lineHeight))
            labels.append(label)
        }
        graph = LayeredGraph(nodes: nodes, edges: edges)
        layout = LayeredLayout.draw(graph)
        nameLines = lines
        edgeLabels = labels
    }

}

extension ProcessMapDrawing.Words {
    /// The German words, with `number` and `duration` as the caller writes them; pages in another language
    /// pass each through their catalogue.
    public static func german(
        metric: ProcessMap.Metric, number: @escaping @Sendable (Int) -> String,
        duration: @escaping @Sendable (Double) -> String
    ) -> Self {
        Self(
            title: "Prozesslandkarte aus dem Ereignisprotokoll", start: "Beginn", end: "Ende",
            legendActivity: "Aktivität mit Anzahl",
            legendEdge: metric == .frequency
                ? "folgt direkt, mit Anzahl" : "folgt direkt, mit mittlerer Dauer (Kalenderzeit)",
            legendShading: "dunkler und dicker: häufiger", number: number, duration: duration)
    }
}
