import Foundation
import Testing
import TestSupport

@testable import ProcessMining

/// Conformance figures agree with pm4py's on the same logs and the same nets (pm4py's IMf nets, as PNML):
/// alignment-based fitness exactly (within 1e-9), token-replay fitness within 0.005.
@Suite struct ConformanceTests {
    struct Expected: Decodable {
        struct AlignmentFigures: Decodable {
            var log_fitness: Double
            var averageFitness: Double
            var percFitTraces: Double
        }
        struct TokenFigures: Decodable {
            var log_fitness: Double
            var average_trace_fitness: Double
            var perc_fit_traces: Double
        }
        var log: String?
        var alignments: AlignmentFigures?
        var tokenReplay: TokenFigures?
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let expected: [String: Expected] = {
        (try? JSONDecoder().decode(
            [String: Expected].self, from: Data(contentsOf: folder.appendingPathComponent("nets.json"))))
            ?? [:]
    }()

    /// The nets with pm4py's alignment figures, and those with its token-replay figures, on a corpus log.
    static let withAlignments = expected.filter { $0.value.log != nil && $0.value.alignments != nil }.keys.sorted()
    static let withTokenReplay = expected.filter { $0.value.log != nil && $0.value.tokenReplay != nil }.keys.sorted()

    /// The log a net was discovered from, and the net. Callers run only when the corpus is there.
    static func logAndNet(_ name: String) throws -> (EventLog, PetriNet, Expected) {
        let expected = try #require(Self.expected[name])
        let logName = try #require(expected.log, "\(name) names no log")
        let fixture = try PM4PyAgreementTests.fixture("\(logName).json")
        let url = try #require(Corpus.file("eventlogs/pm4py/\(fixture.file)"))
        let log =
            url.pathExtension == "csv" ? try CSVLogReader.read(contentsOf: url) : try XESReader.read(contentsOf: url)
        let net = try PNMLReader.read(contentsOf: folder.appendingPathComponent("nets/\(name)"))
        return (log, net, expected)
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: withAlignments)
    func alignmentFitnessEqualsPM4Pys(_ name: String) throws {
        let (log, net, expected) = try Self.logAndNet(name)
        let reference = try #require(expected.alignments)
        let report = try AlignmentReport(log: log, net: net)
        #expect(report.unalignedCases == 0)
        #expect(
            abs(report.logFitness - reference.log_fitness) < 1e-9, "\(report.logFitness) vs \(reference.log_fitness)")
        #expect(abs(report.averageTraceFitness - reference.averageFitness) < 1e-9)
        #expect(abs(report.fittingCaseShare * 100 - reference.percFitTraces) < 1e-9)
        // Every alignment is a run of the net that explains the trace: its log part is the trace, and its cost
        // is what its moves cost.
        for variant in report.variants {
            let alignment = try #require(variant.alignment)
            var replayed: [String] = []
            var cost = 0
            for move in alignment.moves {
                switch move {
                case .synchronous(let activity, _): replayed.append(activity)
                case .onLog(let activity):
                    replayed.append(activity)
                    cost += Alignment.deviationCost
                case .onModel(_, let label): cost += label == nil ? Alignment.silentCost : Alignment.deviationCost
                }
            }
            #expect(replayed == Array(variant.activities))
            #expect(cost == alignment.cost)
        }
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: withTokenReplay)
    func tokenReplayFitnessIsPM4Pys(_ name: String) throws {
        let (log, net, expected) = try Self.logAndNet(name)
        let reference = try #require(expected.tokenReplay)
        let report = try TokenReplayReport(log: log, net: net)
        #expect(
            abs(report.logFitness - reference.log_fitness) < 0.005, "\(report.logFitness) vs \(reference.log_fitness)")
        #expect(abs(report.averageTraceFitness - reference.average_trace_fitness) < 0.005)
    }

    /// A hand-made net: a → (b | τ) → c.
    static let handMadeNet = PetriNet(
        places: ["start", "p1", "p2", "end"].map { PetriNet.Place(id: $0) },
        transitions: [
            .init(id: "a", label: "a"), .init(id: "b", label: "b"), .init(id: "skip", label: nil),
            .init(id: "c", label: "c"),
        ],
        arcs: [
            .init(source: "start", target: "a"), .init(source: "a", target: "p1"),
            .init(source: "p1", target: "b"), .init(source: "b", target: "p2"),
            .init(source: "p1", target: "skip"), .init(source: "skip", target: "p2"),
            .init(source: "p2", target: "c"), .init(source: "c", target: "end"),
        ],
        initialMarking: ["start": 1], finalMarking: ["end": 1])

    static func log(_ traces: [[String]]) -> EventLog {
        var builder = EventLogBuilder()
        for (index, trace) in traces.enumerated() {
            let caseIndex = builder.addCase("\(index)")
            for (time, activity) in trace.enumerated() {
                builder.addEvent(
                    case: caseIndex, activity: activity, timestamp: Int64(time), resource: nil, lifecycle: .complete)
            }
        }
        return builder.build()
    }

    /// Traces that fit, skip, repeat and invent activities.
    @Test func alignmentsOnAHandMadeNet() throws {
        let log = Self.log([["a", "b", "c"], ["a", "c"], ["a", "b", "b", "c"], ["a", "x", "c"], ["c"]])
        let report = try AlignmentReport(log: log, net: Self.handMadeNet)
        let costs = report.variants.map { $0.alignment!.cost }
        // Fits; fits via τ (cost 1); one b too many; x on log (plus τ); a missing (model move, plus τ).
        #expect(costs == [0, 1, 10_000, 10_001, 10_001])
        // The cheapest run of the model alone is a, τ, c: two visible steps and one silent.
        #expect(report.variants.allSatisfy { $0.alignment!.worstCost == $0.activities.count * 10_000 + 20_001 })
        // Trace fitness: 1 − deviations / (events + 2).
        #expect(report.variants[2].alignment!.fitness == 1 - 1.0 / 6)
        #expect(report.variants[4].alignment!.fitness == 1 - 1.0 / 3)
        // The log: 1 − Σ cost / Σ worst cost over the five cases.
        let worst = [3, 2, 4, 3, 1].map { $0 * 10_000 + 20_001 }.reduce(0, +)
        #expect(report.logFitness == 1 - Double(0 + 1 + 10_000 + 10_001 + 10_001) / Double(worst))
        #expect(report.fittingCaseShare == 2.0 / 5)
        #expect(report.deviations.map(\.activity).sorted() == ["a", "b", "x"])
    }

    /// A search that reaches the state limit gives the trace up (counted, not in the figures) and does not spoil
    /// the marking graph the next traces of the same worker reuse.
    @Test func aTraceBeyondTheStateLimitIsCountedAsUnaligned() throws {
        let long = ["a"] + Array(repeating: "x", count: 40) + ["c"]
        let log = Self.log([long, ["a", "b", "c"], ["a", "c"]])
        let report = try AlignmentReport(log: log, net: Self.handMadeNet, stateLimit: 30)
        #expect(report.unalignedCases == 1)
        #expect(report.variants.map { $0.alignment == nil } == [true, false, false])
        #expect(report.variants.compactMap { $0.alignment?.cost } == [0, 1])
        #expect(report.logFitness == 1 - 1.0 / Double(3 * 10_000 + 20_001 + 2 * 10_000 + 20_001))
    }

    /// Token counts worked out by hand (produced starts with the initial token, consumed ends with the final one).
    @Test func tokenReplayOnAHandMadeNet() throws {
        let report = try TokenReplayReport(
            log: Self.log([["a", "b", "c"], ["a", "c"], ["c"], ["a", "x", "c"]]), net: Self.handMadeNet)
        let figures = report.variants.map { [$0.missing, $0.consumed, $0.remaining, $0.produced] }
        // a b c: 3 firings. a c: the silent skip enables c. c alone: one token missing before c, the start
        // token remains. a x c: x is not in the model and is skipped.
        #expect(figures == [[0, 4, 0, 4], [0, 4, 0, 4], [1, 2, 1, 2], [0, 4, 0, 4]])
        #expect(report.variants.map(\.fitness) == [1, 1, 0.5, 1])
        #expect(report.variants.map(\.isFit) == [true, true, false, true])
        #expect(report.logFitness == 0.5 * (1 - 1.0 / 14) + 0.5 * (1 - 1.0 / 14))
        #expect(report.problems.map(\.activity).sorted() == ["c", "x"])
    }
}
