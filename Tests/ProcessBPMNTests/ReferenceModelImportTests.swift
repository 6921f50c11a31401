import AmtswegCore
import AmtswegDemo
import BPMN
import Foundation
import TestSupport
import Testing

@testable import ProcessBPMN

/// Every MIWG reference model becomes an analysable process: lanes mapped by the best guess against
/// Musterstadt's organisation, figures on all paths and on the main path, and the enrichment survives a
/// write and read.
@Suite struct ReferenceModelImportTests {
    static let references: [URL] = {
        guard Corpus.isAvailable, let folder = Corpus.file("bpmn/miwg/Reference") else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".bpmn") }.sorted().map { folder.appendingPathComponent($0) }
    }()

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: references)
    func importsAsAProcessWithFigures(_ url: URL) throws {
        let map = Musterstadt.map()
        let model = try BPMNReader.read(contentsOf: url)
        let extracted = ProcessExtractor.extract(model, fallbackID: ID(url.lastPathComponent))
        #expect(extracted.problems.isEmpty)
        let process = extracted.process.mappingLanes(LaneMapping(map))
        #expect(!process.nodes.isEmpty, "\(url.lastPathComponent): no flow nodes")
        let figures = ProcessFigures(process: process, organisation: OrganisationLookup(map), casesPerYear: 100)
        for path in [figures.allPaths, figures.mainPath] {
            let values = [
                path.stepExecutions, path.handoffs, path.unitCrossings, path.loopBacks, path.mediaBreaks,
                path.handlingMinutes, path.waitingMinutes, path.leadTimeMinutes, path.waitingShare,
            ]
            #expect(values.allSatisfy { $0.isFinite && $0 >= 0 }, "\(url.lastPathComponent): \(path)")
        }
        if model.flowNodes.contains(where: { $0.isActivity }) {
            #expect(figures.allPaths.stepExecutions > 0, "\(url.lastPathComponent): no step reached")
        }

        // Enriched (here: every step 10 minutes on paper) and written, it reads back the same.
        var enriched = process
        for index in enriched.nodes.indices where enriched.nodes[index].kind == .step {
            enriched.nodes[index].step = StepDetails(medium: .paper, handlingMinutes: 10)
        }
        let written = BPMNWriter.write(ProcessEnricher.apply(enriched, to: model))
        let back = ProcessExtractor.extract(try BPMNReader.read(written, file: url.lastPathComponent))
        #expect(back.process == enriched)
        #expect(
            ProcessFigures(process: back.process, organisation: OrganisationLookup(map), casesPerYear: 100)
                == ProcessFigures(process: enriched, organisation: OrganisationLookup(map), casesPerYear: 100))
    }

    /// Every parseable BPMN file of the corpus — 14 tools' exports, pm4py's models — yields a process and
    /// finite figures: no model construct crashes the extraction or the flow solver.
    @Test(.enabled(if: Corpus.isAvailable, "corpus missing")) func everyCorpusModelYieldsFigures() throws {
        let map = Musterstadt.map()
        let organisation = OrganisationLookup(map)
        var count = 0
        for url in Corpus.bpmnFiles where !Corpus.malformedBPMN.contains(Corpus.relativeName(url)) {
            let model = try BPMNReader.read(contentsOf: url)
            let process = ProcessExtractor.extract(model).process.mappingLanes(LaneMapping(map))
            let figures = ProcessFigures(process: process, organisation: organisation, casesPerYear: 10)
            #expect(figures.allPaths.leadTimeMinutes.isFinite && figures.allPaths.handoffs.isFinite, "\(url.path)")
            _ = ProblemFinder(map: map).findAll(in: [process])
            count += 1
        }
        #expect(count > 100, "the corpus has hundreds of models: \(count)")
    }

    @Test func lanesAreGuessedByName() {
        let mapping = LaneMapping(Musterstadt.map())
        let office = Musterstadt.map().units.first { $0.name == "Ordnungsamt" }
        #expect(office != nil)
        #expect(mapping.guess("Ordnungsamt") == office.map { .unit($0.id) })
        #expect(mapping.guess("ordnungsamt ") == office.map { .unit($0.id) })
        #expect(mapping.guess("Raumfahrtbehörde") == nil)
        #expect(mapping.guess("") == nil)
    }
}
