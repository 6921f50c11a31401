import Foundation
import Testing
import TestSupport

@testable import ProcessMining

/// IMf (noise 0.2) on the corpus logs gives sound workflow nets that fit their log at least as well as
/// pm4py's IMf nets (alignment fitness from the fixtures, minus 0.01); and on hand-made logs the trees pm4py
/// finds.
@Suite struct InductiveMinerTests {
    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: ConformanceTests.withAlignments)
    func discoversSoundNetsThatFitAsWellAsPM4Pys(_ name: String) throws {
        let (log, _, expected) = try ConformanceTests.logAndNet(name)
        let reference = try #require(expected.alignments)
        let tree = InductiveMiner(noiseThreshold: 0.2).discover(log)
        let net = tree.petriNet()
        let soundness = try net.soundness()
        #expect(soundness.isSound, "\(name): \(soundness)")
        #expect(Set(tree.activities).isSubset(of: Set(log.activities.strings)))
        let report = try AlignmentReport(log: log, net: net)
        #expect(
            report.logFitness >= reference.log_fitness - 0.01, "\(report.logFitness) vs pm4py \(reference.log_fitness)")
    }

    static func mine(_ traces: [[String]], noise: Double = 0) -> String {
        InductiveMiner(noiseThreshold: noise).discover(ConformanceTests.log(traces)).notation
    }

    /// The trees pm4py 2.7 finds for the same logs (`pm4py.discover_process_tree_inductive`); pm4py prints the
    /// children of choices and parallel blocks in an order of label hashes, here they are in name order.
    @Test func findsTheTreesPM4PyFinds() {
        #expect(Self.mine([["a", "b", "c"], ["a", "c", "b"]]) == "->( 'a', +( 'b', 'c' ) )")
        #expect(Self.mine([["a", "b"], ["a", "c"]]) == "->( 'a', X( 'b', 'c' ) )")
        #expect(Self.mine([["a", "b", "a", "b", "a"], ["a"]]) == "*( 'a', 'b' )")
        #expect(Self.mine([["a"], []]) == "X( tau, 'a' )")
        #expect(
            Self.mine([["a", "b", "c", "d"], ["a", "c", "b", "d"], ["a", "d"]])
                == "->( 'a', X( tau, +( 'b', 'c' ) ), 'd' )")
        // pm4py: +( *( 'a', tau ), 'c', 'b' ) — the same block, children in another order.
        #expect(
            Self.mine([["a", "b", "c"], ["c", "a", "b"], ["b", "c", "a", "a"]]) == "+( 'b', *( 'a', tau ), 'c' )")
    }

    /// A rare detour makes a loop in IM; IMf (noise 0.2) leaves it out of the sequence.
    @Test func filtersInfrequentBehaviour() {
        let traces =
            Array(repeating: ["a", "b", "c", "d"], count: 50)
            + Array(repeating: ["a", "b", "d", "b", "c", "d"], count: 2)
        #expect(Self.mine(traces, noise: 0.2) == "->( 'a', 'b', 'c', *( 'd', tau ) )")
        #expect(Self.mine(traces, noise: 0) == "->( 'a', +( 'c', *( ->( 'b', 'd' ), tau ) ) )")
    }

    @Test func hasSoundNetsForEveryOperator() throws {
        let tree = ProcessTree.sequence([
            .activity("a"), .parallel([.activity("b"), .exclusiveChoice([.activity("c"), .silent])]),
            .loop([.activity("d"), .activity("e")]),
        ])
        let soundness = try tree.petriNet().soundness()
        #expect(soundness.isSound)
        // a; b ∥ (c | τ) — the four interleavings reach 1 + 1 + 4 + 2 markings —; then the loop: before d, after d.
        #expect(soundness.reachableMarkings > 8)
    }
}
