import ArgumentParser
import Foundation
import ProcessMining

struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Ereignisprotokolle (XES, auch .xes.gz, und CSV).",
        subcommands: [Stats.self, Convert.self])

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats", abstract: "Fälle, Ereignisse, Aktivitäten, Varianten, Zeitraum.")

        @OptionGroup var log: LogOptions
        @Flag(help: "Ausgabe als JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let statistics = LogStatistics(try log.load())
                if json {
                    try printJSON(statistics)
                } else {
                    print(
                        "\(statistics.cases) Fälle, \(statistics.events) Ereignisse, \(statistics.activities) Aktivitäten, "
                            + "\(statistics.variants) Varianten, \(statistics.resources) Ressourcen; "
                            + "\(statistics.firstTimestamp ?? "–") bis \(statistics.lastTimestamp ?? "–")")
                }
            }
        }
    }
}

extension LogCommand {
    struct Convert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert",
            abstract: "Protokoll umwandeln: nach XES (.xes, .xes.gz) oder CSV (.csv), pseudonymisiert wie gelesen.")

        @OptionGroup var log: LogOptions
        @Option(name: .shortAndLong, help: "Zieldatei: .xes, .xes.gz oder .csv.") var output: String

        func run() async throws {
            try await reportingErrors {
                let events = try log.load()
                let url = URL(fileURLWithPath: output)
                if url.pathExtension.lowercased() == "csv" {
                    try CSVLogWriter.write(events, to: url)
                } else if output.lowercased().hasSuffix(".xes") || output.lowercased().hasSuffix(".xes.gz") {
                    try XESWriter.write(events, to: url)
                } else {
                    throw CLIError("\(output): Bitte .xes, .xes.gz oder .csv als Endung angeben.")
                }
                print("\(events.caseCount) Fälle, \(events.eventCount) Ereignisse geschrieben: \(output)")
            }
        }
    }
}

struct MineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mine", abstract: "Process Mining auf einem Ereignisprotokoll.",
        subcommands: [
            DFG.self, VariantsCommand.self, ThroughputCommand.self, Discover.self, Conformance.self, Handover.self,
            Map.self,
        ])

    struct DFG: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dfg",
            abstract: "Direkt-Folge-Graph: Kanten mit Häufigkeit und Dauer (Mittel, Median, Min, Max).")

        @OptionGroup var log: LogOptions
        @Flag(help: "Ausgabe als JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let dfg = DirectlyFollowsGraph(try log.load())
                struct Output: Encodable {
                    var edges: [DirectlyFollowsGraph.Edge]
                    var startActivities: [String: Int]
                    var endActivities: [String: Int]
                }
                if json {
                    try printJSON(
                        Output(edges: dfg.edges, startActivities: dfg.startActivities, endActivities: dfg.endActivities)
                    )
                } else {
                    for edge in dfg.edges.sorted(by: { $0.count > $1.count }) {
                        let mean = edge.meanSeconds.map { String(format: " (Ø %.1f h)", $0 / 3_600) } ?? ""
                        print("\(edge.from) → \(edge.to): \(edge.count)\(mean)")
                    }
                }
            }
        }
    }

    struct VariantsCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "variants", abstract: "Varianten mit Anzahl und mittlerer Dauer, häufigste zuerst.")

        @OptionGroup var log: LogOptions
        @Flag(help: "Ausgabe als JSON.") var json = false
        @Option(help: "Höchstens so viele Varianten (nur Textausgabe).") var limit = 20

        func run() async throws {
            try await reportingErrors {
                let variants = Variants(try log.load()).variants
                if json {
                    try printJSON(variants)
                } else {
                    for variant in variants.prefix(limit) {
                        print("\(variant.count)×  " + variant.activities.joined(separator: " → "))
                    }
                    if variants.count > limit { print("… \(variants.count - limit) weitere Varianten") }
                }
            }
        }
    }

    struct ThroughputCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "throughput", abstract: "Begonnene und beendete Fälle je Tag, Woche oder Monat.")

        @OptionGroup var log: LogOptions
        enum PeriodOption: String, ExpressibleByArgument, CaseIterable {
            case day, week, month
        }

        @Option(help: "day, week oder month.") var period: PeriodOption = .week
        @Flag(help: "Ausgabe als JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let throughput = Throughput(try log.load(), period: Throughput.Period(rawValue: period.rawValue)!)
                if json { return try printJSON(throughput) }
                for bucket in throughput.buckets {
                    let duration =
                        bucket.meanDurationSeconds.map { String(format: ", Ø %.1f Kalendertage", $0 / 86_400) } ?? ""
                    print(
                        "\(bucket.start): \(bucket.startedCases) begonnen, \(bucket.endedCases) beendet, "
                            + "\(bucket.events) Ereignisse\(duration)")
                }
            }
        }
    }
}
