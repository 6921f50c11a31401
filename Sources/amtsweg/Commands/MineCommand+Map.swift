import AmtswegCore
import ArgumentParser
import Foundation
import ProcessMaps
import ProcessMining

extension MineCommand {
    struct Map: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "map",
            abstract: "Prozesslandkarte (Direkt-Folge-Graph) wie auf der Seite des Protokolls, vereinfacht.",
            discussion: """
                --activities behält die häufigsten Aktivitäten (Prozent, ohne Angabe so viele, dass etwa \
                \(ProcessMap.readableActivities) zu sehen sind), --paths die häufigsten Kanten (Prozent, ohne \
                Angabe \(ProcessMap.defaultPathPercent)); jede Aktivität behält ihre häufigste ein- und ausgehende \
                Kante. --svg schreibt die Zeichnung, --json gibt die gezeigten Aktivitäten und Kanten aus.
                """)

        @OptionGroup var log: LogOptions
        @Option(help: "Anteil der Aktivitäten in Prozent (1–100).") var activities: Int?
        @Option(help: "Anteil der Kanten in Prozent (0–100).") var paths: Int?
        enum MetricOption: String, ExpressibleByArgument, CaseIterable {
            case frequency, duration
            var metric: ProcessMap.Metric { self == .frequency ? .frequency : .duration }
        }
        @Option(help: "Beschriftung der Kanten: frequency (Anzahl) oder duration (mittlere Dauer).")
        var metric: MetricOption = .frequency
        @Option(help: "Zeichnung als SVG in diese Datei schreiben.") var svg: String?
        @Flag(help: "Gezeigte Aktivitäten und Kanten als JSON ausgeben.") var json = false

        func validate() throws {
            if let activities, !(1...100).contains(activities) {
                throw ValidationError("--activities muss zwischen 1 und 100 liegen.")
            }
            if let paths, !(0...100).contains(paths) {
                throw ValidationError("--paths muss zwischen 0 und 100 liegen.")
            }
        }

        func run() async throws {
            try await reportingErrors {
                let events = try log.load()
                let map = ProcessMap(
                    log: events,
                    activityPercent: activities
                        ?? ProcessMap.defaultActivityPercent(activityCount: Set(events.activity).count),
                    pathPercent: paths ?? ProcessMap.defaultPathPercent)
                if let svg {
                    let words = ProcessMapDrawing.Words.german(
                        metric: metric.metric, number: { GermanFormat.integer($0) },
                        duration: { GermanFormat.elapsed(seconds: $0) })
                    let drawing = ProcessMapDrawing(map, metric: metric.metric, words: words)
                    try Data(drawing.svg.utf8).write(to: URL(fileURLWithPath: svg))
                }
                if json { return try printJSON(map) }
                if svg == nil {
                    for edge in map.edges {
                        print("\(edge.from ?? "▶") → \(edge.to ?? "■"): \(edge.count)")
                    }
                }
                FileHandle.standardError.write(
                    Data(
                        ("\(map.activities.count) Aktivitäten (\(map.hiddenActivities) ausgeblendet), \(map.edges.count) "
                            + "Kanten (\(map.hiddenEdges) ausgeblendet).\n").utf8))
            }
        }
    }
}
