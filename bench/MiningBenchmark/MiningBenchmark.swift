import Foundation
import ProcessMining

/// Amtsweg's side of `bench/mining-benchmark`: XES import, DFG and variants on one log, best of three runs
/// each, printed as JSON for the script that runs pm4py and r4pm beside it.
@main
struct MiningBenchmark {
    static func main() throws {
        guard let path = CommandLine.arguments.dropFirst().first else {
            print("usage: MiningBenchmark LOG.xes[.gz]")
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
        let url = URL(fileURLWithPath: path)
        var log = try XESReader.read(contentsOf: url)
        let importTime = try best { log = try XESReader.read(contentsOf: url) }
        var edges = 0
        let dfgTime = best { edges = DirectlyFollowsGraph(log).edges.count }
        var variants = 0
        let variantsTime = best { variants = Variants(log).variants.count }
        let result: [String: Double] = [
            "import": importTime, "dfg": dfgTime, "variants": variantsTime, "events": Double(log.eventCount),
            "edges": Double(edges), "variantCount": Double(variants),
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
