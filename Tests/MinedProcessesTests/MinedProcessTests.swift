import AmtswegCore
import BPMN
import Foundation
import MinedProcesses
import ProcessBPMN
import ProcessMining
import Testing
import TestSupport

/// A discovered model becomes a process and a BPMN diagram; a BPMN process becomes a workflow net for
/// conformance checking. Along the way the behaviour stays the same: the net made from the written and re-read
/// BPMN is sound and judges every case exactly as the net made directly from the process tree.
@Suite struct MinedProcessTests {
    static let logs = [
        "compressed_input_data/01_running-example.xes.gz", "compressed_input_data/08_receipt.xes.gz",
        "compressed_input_data/04_reviewing.xes.gz", "compressed_input_data/02_teleclaims.xes.gz",
    ]

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: logs)
    func discoveredModelsSurviveBPMN(_ path: String) throws {
        let url = try #require(Corpus.file("eventlogs/pm4py/\(path)"))
        let log = try XESReader.read(contentsOf: url)
        let tree = InductiveMiner(noiseThreshold: 0.2).discover(log)
        let process = ProcessModel(discovered: tree, id: "entdeckt", name: "Entdeckter Prozess")
        #expect(process.validate().isEmpty, "\(process.validate())")
        let bpmn = BPMNWriter.write(ProcessGenerator.bpmn(for: process))
        let extracted = ProcessExtractor.extract(try BPMNReader.read(bpmn, file: "entdeckt.bpmn"))
        #expect(extracted.problems.isEmpty, "\(extracted.problems)")
        #expect(extracted.process.steps.map(\.name).sorted() == tree.activities.sorted())

        let fromBPMN = extracted.process.petriNet()
        #expect(try fromBPMN.soundness().isSound)
        let direct = try AlignmentReport(log: log, net: tree.petriNet())
        let viaBPMN = try AlignmentReport(log: log, net: fromBPMN)
        // Same language, so the same deviations per case; silent steps differ, so log fitness may differ in
        // the fourth decimal (silent moves cost 1 against 10,000 for a deviation).
        #expect(
            viaBPMN.variants.map { $0.alignment?.cost ?? -1 }.map { $0 / Alignment.deviationCost }
                == direct.variants.map { $0.alignment?.cost ?? -1 }.map { $0 / Alignment.deviationCost })
        #expect(viaBPMN.averageTraceFitness == direct.averageTraceFitness)
        #expect(abs(viaBPMN.logFitness - direct.logFitness) < 0.001)
    }

    /// Gateways, a loop and a step reached from two flows, worked out by hand.
    @Test func handMadeProcessBecomesTheExpectedNet() throws {
        let tree = ProcessTree.sequence([
            .activity("Antrag prüfen"),
            .loop([.activity("Unterlagen nachfordern"), .silent]),
            .parallel([.activity("Gebühr buchen"), .activity("Bescheid schreiben")]),
            .exclusiveChoice([.activity("Bescheid senden"), .silent]),
        ])
        let process = ProcessModel(discovered: tree, id: "p", name: "Antrag")
        #expect(
            process.steps.map(\.name) == [
                "Antrag prüfen", "Unterlagen nachfordern", "Gebühr buchen", "Bescheid schreiben", "Bescheid senden",
            ])
        #expect(process.nodes.filter { $0.kind == .parallel }.count == 2)
        let net = process.petriNet()
        #expect(try net.soundness().isSound)
        var builder = EventLogBuilder()
        for (index, trace) in [
            [
                "Antrag prüfen", "Unterlagen nachfordern", "Unterlagen nachfordern", "Bescheid schreiben",
                "Gebühr buchen",
            ],
            ["Antrag prüfen", "Gebühr buchen", "Bescheid schreiben", "Bescheid senden"],
        ].enumerated() {
            let c = builder.addCase("\(index)")
            for (time, activity) in trace.enumerated() {
                builder.addEvent(
                    case: c, activity: activity, timestamp: Int64(time), resource: nil, lifecycle: .complete)
            }
        }
        // Case 0 fits (loop twice, the send step skipped); case 1 lacks the loop body, which must run once.
        let report = try AlignmentReport(log: builder.build(), net: net)
        #expect(report.variants.map { ($0.alignment?.cost ?? -1) / Alignment.deviationCost } == [0, 1])
        #expect(report.deviations.map(\.activity) == ["Unterlagen nachfordern"])
    }
}
