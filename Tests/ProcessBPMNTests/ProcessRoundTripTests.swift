import AmtswegCore
import BPMN
import Foundation
import Testing

@testable import ProcessBPMN

/// An enriched process survives BPMN: generated, written, read back — also through the plain BPMN reader and
/// writer, which know nothing of Amtsweg — with the same enrichment and the same figures.
@Suite struct ProcessRoundTripTests {
    static let map = TenantMap(
        tenant: Tenant(id: "t", name: "Test", ags: "05315000", population: 1),
        units: [
            OrgUnit(id: "32", name: "Ordnungsamt", kind: .amt),
            OrgUnit(id: "20", name: "Kämmerei", kind: .amt),
        ],
        positions: [
            Position(id: "32-1", title: "Sachbearbeitung Gewerbe", unitID: "32"),
            Position(id: "32-0", title: "Amtsleitung Ordnungsamt", unitID: "32"),
            Position(id: "20-3", title: "Kasse", unitID: "20"),
        ],
        roles: [Role(id: "sb", name: "Sachbearbeitung", positionIDs: ["32-1"])])

    static func step(
        _ id: String, _ name: String, _ block: String, _ performer: Performer, medium: Medium, handling: Double,
        waiting: Double = 0
    ) -> CapturedItem {
        .step(
            id: id, name: name,
            details: StepDetails(
                block: BuildingBlock.Key(block), performer: performer, applicationIDs: ["gewerbe app", "dms"],
                inputIDs: ["antrag"], outputIDs: ["bescheid"], medium: medium, handlingMinutes: handling,
                waitingMinutes: waiting,
                responsibilities: [
                    StepResponsibility(.responsible, performer), StepResponsibility(.accountable, .position("32-0")),
                ],
                requiredSkills: [SkillRequirement("gewo", level: .proficient)], documentIDs: ["formular-gewa1"],
                legalBasisIDs: ["gewo-14"]))
    }

    static let captured = CapturedProcess(
        id: "gewerbe-ist", name: "Gewerbeanmeldung (Ist)", serviceID: "gewerbe", ownerUnitID: "32", state: .ist,
        items: [
            step(
                "S1", "Anmeldung entgegennehmen", "antrag-entgegennehmen", .position("32-1"), medium: .paper,
                handling: 5),
            step(
                "S2", "Vollständigkeit prüfen", "vollstaendigkeit-pruefen", .role("sb"), medium: .paper, handling: 10.5),
            .choice(
                question: "Unterlagen vollständig?",
                branches: [
                    CapturedBranch(label: "ja", share: 0.7, items: []),
                    CapturedBranch(
                        label: "nein", share: 0.3,
                        items: [
                            step(
                                "S3", "Unterlagen nachfordern", "unterlagen-nachfordern", .position("32-1"),
                                medium: .paper, handling: 8, waiting: 7_200)
                        ]),
                ]),
            step(
                "S4", "Daten erfassen", "daten-erfassen", .position("32-1"), medium: .specialistSoftware, handling: 15),
            .parallel(branches: [
                CapturedBranch(
                    label: "Gebühr",
                    items: [
                        step("S5", "Gebühr erheben", "gebuehr-erheben", .position("20-3"), medium: .paper, handling: 6)
                    ]),
                CapturedBranch(
                    label: "Meldungen",
                    items: [
                        step(
                            "S6", "Stellen informieren", "informieren", .position("32-1"), medium: .email, handling: 12)
                    ]),
            ]),
            step("S7", "Bescheinigung prüfen", "mitzeichnen", .position("32-0"), medium: .paper, handling: 3),
            .goBack(toStepID: "S4", share: 0.1, label: "Fehler gefunden?"),
            step("S8", "Archivieren", "archivieren", .position("32-1"), medium: .paper, handling: 2),
        ])

    static func laneName(_ performer: Performer) -> String {
        switch performer {
        case .position(let id): map.positions.first { $0.id == id }?.title ?? id.rawValue
        case .role(let id): map.roles.first { $0.id == id }?.name ?? id.rawValue
        case .unit(let id): map.units.first { $0.id == id }?.name ?? id.rawValue
        }
    }

    static func figures(_ process: ProcessModel) -> ProcessFigures {
        ProcessFigures(process: process, organisation: OrganisationLookup(map), casesPerYear: 800)
    }

    @Test func generatedBPMNReadsBackToTheSameProcess() throws {
        let process = Self.captured.processModel(laneName: Self.laneName)
        let bytes = BPMNWriter.write(ProcessGenerator.bpmn(for: process))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("xmlns:amtsweg=\"urn:amtsweg:bpmn:1\""))
        #expect(text.contains("amtsweg:applications=\"gewerbe%20app dms\""))
        #expect(text.contains("<bpmn:receiveTask id=\"S1\""))
        #expect(text.contains("<bpmndi:BPMNShape"))

        let read = ProcessExtractor.extract(try BPMNReader.read(bytes, file: "gewerbe.bpmn"))
        #expect(read.problems.isEmpty)
        #expect(read.process == process)
        #expect(Self.figures(read.process) == Self.figures(process))

        // Through the plain BPMN reader and writer once more: the attributes are foreign content to them.
        let again = BPMNWriter.write(try BPMNReader.read(bytes, file: "gewerbe.bpmn"))
        let reread = ProcessExtractor.extract(try BPMNReader.read(again, file: "again.bpmn"))
        #expect(reread.process == process)
        #expect(Self.figures(reread.process) == Self.figures(process))
    }

    @Test func stepListComesBackFromTheModel() throws {
        let process = Self.captured.processModel(laneName: Self.laneName)
        #expect(
            process.lanes.map(\.name) == [
                "Sachbearbeitung Gewerbe", "Sachbearbeitung", "Kasse", "Amtsleitung Ordnungsamt",
            ])
        #expect(process.steps.allSatisfy { $0.step?.performer == nil && $0.laneID != nil })
        let extracted = ProcessExtractor.extract(
            try BPMNReader.read(BPMNWriter.write(ProcessGenerator.bpmn(for: process)), file: "g.bpmn")
        ).process
        #expect(CapturedProcess(process: extracted) == Self.captured)
    }

    @Test func enrichingAForeignModelKeepsEverythingElse() throws {
        // A model "from another tool": the generated one without Amtsweg's attributes, with a vendor attribute.
        let process = Self.captured.processModel(laneName: Self.laneName)
        var foreign = ProcessGenerator.bpmn(for: process)
        func strip(_ element: inout BPMNElement) {
            element.foreignAttributes.removeAll { $0.name.namespace == AmtswegAttributes.namespace }
            for index in element.children.indices { strip(&element.children[index]) }
        }
        strip(&foreign.definitions)
        foreign.definitions.children[0].foreignAttributes.append(
            .init(
                name: .init(
                    prefix: "camunda", localName: "versionTag", namespace: "http://camunda.org/schema/1.0/bpmn"),
                value: "3"))
        let bare = ProcessExtractor.extract(foreign, fallbackID: "gewerbe-ist").process
        #expect(bare.steps.allSatisfy { $0.step == nil })
        #expect(bare.lanes.allSatisfy { $0.performer == nil })

        let enriched = ProcessEnricher.apply(process, to: foreign)
        let written = BPMNWriter.write(enriched)
        let back = ProcessExtractor.extract(try BPMNReader.read(written, file: "e.bpmn")).process
        #expect(back == process)
        #expect(String(decoding: written, as: UTF8.self).contains("camunda:versionTag=\"3\""))
        #expect(BPMNDiff.compare(foreign, try BPMNReader.read(BPMNWriter.write(foreign), file: "f")).isEmpty)
    }

    @Test func badAttributeValuesAreReportedNotGuessed() throws {
        var model = ProcessGenerator.bpmn(for: Self.captured.processModel(laneName: Self.laneName))
        let index = try #require(model.definitions.children[0].children.firstIndex { $0.id == "S1" })
        var task = model.definitions.children[0].children[index]
        AmtswegAttributes.set([.handling: "zehn", .medium: "Brieftaube", .raci: "X=position:1"], on: &task)
        model.definitions.children[0].children[index] = task
        let result = ProcessExtractor.extract(model)
        #expect(result.problems.count == 3)
        #expect(result.problems.allSatisfy { $0.hasPrefix("S1: ") })
        let step = try #require(result.process.nodes.first { $0.id == "S1" }?.step)
        #expect(step.handlingMinutes == 0 && step.medium == nil && step.responsibilities.isEmpty)
    }
}
