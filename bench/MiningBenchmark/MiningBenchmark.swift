import Foundation
import ProcessMining

/// Amtsweg's side of `bench/mining-benchmark`, printed as JSON for the script that runs pm4py and r4pm beside
/// it: XES import, DFG, variants and IMf on one log; token replay of that log on a given net; alignments of a
/// second log on a second net. Best of three runs each.
///
/// `MiningBenchmark LOG REPLAY_NET.pnml ALIGN_LOG ALIGN_NET.pnml`, or `MiningBenchmark --memory LOG` (import, DFG
/// and variants once each, timed, for measuring peak memory from outside and for `bench/scale-benchmark`).
@main
struct MiningBenchmark {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
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
        guard arguments.count == 4 else {
            print("usage: MiningBenchmark LOG REPLAY_NET.pnml ALIGN_LOG ALIGN_NET.pnml | --memory LOG")
            return
        }
        let clock = ContinuousClock()
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        func best(_ work: () throws -> Void) rethrows -> Double {
            var times: [Double] = []
            for _ in 0..<3 { times.append(seconds(try clock.measure(work))) }
            return times.min()!
        }
        let url = URL(fileURLWithPath: arguments[0])
        var log = try XESReader.read(contentsOf: url)
        let importTime = try best { log = try XESReader.read(contentsOf: url) }
        var edges = 0
        let dfgTime = best { edges = DirectlyFollowsGraph(log, durations: false).edges.count }
        let performanceTime = best { edges = DirectlyFollowsGraph(log).edges.count }
        var variants = 0
        let variantsTime = best { variants = Variants(log).variants.count }
        var tree = ProcessTree.silent
        let imfTime = best { tree = InductiveMiner(noiseThreshold: 0.2).discover(log) }
        let replayNet = try PNMLReader.read(contentsOf: URL(fileURLWithPath: arguments[1]))
        var replayFitness = 0.0
        let replayTime = try best { replayFitness = try TokenReplayReport(log: log, net: replayNet).logFitness }
        let alignLog = try XESReader.read(contentsOf: URL(fileURLWithPath: arguments[2]))
        let alignNet = try PNMLReader.read(contentsOf: URL(fileURLWithPath: arguments[3]))
        var alignFitness = 0.0
        let alignTime = try best { alignFitness = try AlignmentReport(log: alignLog, net: alignNet).logFitness }
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
