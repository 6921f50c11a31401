import Foundation
import ProcessMining

/// Amtsweg's side of `bench/mining-benchmark`, printed as JSON for the script that runs pm4py and r4pm beside
/// it: XES import, DFG, variants and IMf on one log; token replay of that log on a given net; alignments of a
/// second log on a second net. Each step the median of `--runs N` runs (3 by default) — the rule the script applies to
/// pm4py and r4pm too. With `AMTSWEG_THREADS=1` everything runs on one thread (``Parallelism``).
///
/// `MiningBenchmark [--runs N] LOG REPLAY_NET.pnml ALIGN_LOG ALIGN_NET.pnml`, or `MiningBenchmark --memory LOG` (import, DFG
/// and variants once each, timed, for measuring peak memory from outside and for `bench/scale-benchmark`).
@main
struct MiningBenchmark {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var runs = 3
        if arguments.first == "--runs", arguments.count > 1, let number = Int(arguments[1]), number > 0 {
            runs = number
            arguments.removeFirst(2)
        }
        if arguments.first == "--memory", arguments.count == 2 {
            // One run of each step with its time, for peak memory measured from outside and for the scale test.
            let clock = ContinuousClock()
            var log = EventLog()
            let read = try clock.measure { log = try XESReader.read(contentsOf: URL(fileURLWithPath: arguments[1])) }
            var edges = 0, variants = 0
            let dfg = clock.measure { edges = DirectlyFollowsGraph(log).edges.count }
            let variantTime = clock.measure { variants = Variants(log).variants.count }
            print(
                "\(log.caseCount) cases, \(log.eventCount) events: import \(read), DFG \(dfg) (\(edges) edges), "
                    + "variants \(variantTime) (\(variants))")
            return
        }
        if arguments.first == "--profile-tokens", arguments.count == 3 {
            // Token replay only, many times, for `perf record`.
            let log = try XESReader.read(contentsOf: URL(fileURLWithPath: arguments[1]))
            let net = try PNMLReader.read(contentsOf: URL(fileURLWithPath: arguments[2]))
            for _ in 0..<100 { _ = try TokenReplayReport(log: log, net: net) }
            return
        }
        if arguments.first == "--profile-alignments", arguments.count == 3 {
            // Alignments only, timed per run, for `perf record` and for trying the search on one log.
            let log = try XESReader.read(contentsOf: URL(fileURLWithPath: arguments[1]))
            let net = try PNMLReader.read(contentsOf: URL(fileURLWithPath: arguments[2]))
            for _ in 0..<runs {
                var fitness = 0.0
                let time = try ContinuousClock().measure {
                    fitness = try AlignmentReport(log: log, net: net).logFitness
                }
                print("alignments \(time), fitness \(fitness)")
            }
            return
        }
        guard arguments.count == 4 else {
            print("usage: MiningBenchmark [--runs N] LOG REPLAY_NET.pnml ALIGN_LOG ALIGN_NET.pnml | --memory LOG")
            return
        }
        let clock = ContinuousClock()
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        func median(_ work: () throws -> Void) rethrows -> Double {
            var times: [Double] = []
            for _ in 0..<runs { times.append(seconds(try clock.measure(work))) }
            times.sort()
            return times.count % 2 == 1
                ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
        }
        let url = URL(fileURLWithPath: arguments[0])
        var log = try XESReader.read(contentsOf: url)
        let importTime = try median { log = try XESReader.read(contentsOf: url) }
        var edges = 0
        let dfgTime = median { edges = DirectlyFollowsGraph(log, durations: false).edges.count }
        let performanceTime = median { edges = DirectlyFollowsGraph(log).edges.count }
        var variants = 0
        let variantsTime = median { variants = Variants(log).variants.count }
        var tree = ProcessTree.silent
        let imfTime = median { tree = InductiveMiner(noiseThreshold: 0.2).discover(log) }
        let replayNet = try PNMLReader.read(contentsOf: URL(fileURLWithPath: arguments[1]))
        var replayFitness = 0.0
        let replayTime = try median { replayFitness = try TokenReplayReport(log: log, net: replayNet).logFitness }
        let alignLog = try XESReader.read(contentsOf: URL(fileURLWithPath: arguments[2]))
        let alignNet = try PNMLReader.read(contentsOf: URL(fileURLWithPath: arguments[3]))
        var alignFitness = 0.0
        let alignTime = try median { alignFitness = try AlignmentReport(log: alignLog, net: alignNet).logFitness }
        let result: [String: Double] = [
            "import": importTime, "dfg": dfgTime, "performance": performanceTime, "variants": variantsTime,
            "imf": imfTime, "tokens": replayTime,
            "alignments": alignTime, "events": Double(log.eventCount), "edges": Double(edges),
            "variantCount": Double(variants), "treeActivities": Double(Set(tree.activities).count),
            "tokenFitness": replayFitness, "alignmentFitness": alignFitness,
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
