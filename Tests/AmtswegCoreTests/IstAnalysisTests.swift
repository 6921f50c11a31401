@testable import AmtswegCore
import AmtswegReports
import AmtswegDemo
import Foundation
import TestSupport
import Testing

@Suite struct BetweennessTests {
    /// Krackhardt's kite; expected values from networkx 3.6.1 `betweenness_centrality` (normalised).
    @Test func matchesNetworkxOnTheKrackhardtKite() {
        let edges = [
            (0, 1), (0, 2), (0, 3), (0, 5), (1, 3), (1, 4), (1, 6), (2, 3), (2, 5), (3, 4), (3, 5), (3, 6),
            (4, 6), (5, 6), (5, 7), (6, 7), (7, 8), (8, 9),
        ]
        var adjacency = [[Int]](repeating: [], count: 10)
        for (a, b) in edges {
            adjacency[a].append(b)
            adjacency[b].append(a)
        }
        let expected = [0.023148, 0.023148, 0.0, 0.101852, 0.0, 0.231481, 0.231481, 0.388889, 0.222222, 0.0]
        let actual = Betweenness.normalised(adjacency: adjacency)
        for (a, e) in zip(actual, expected) { #expect(abs(a - e) < 1e-6) }
    }

    @Test func starCentreLiesOnEveryPath() {
        let adjacency = [[1, 2, 3, 4], [0], [0], [0], [0]]
        #expect(Betweenness.normalised(adjacency: adjacency) == [1, 0, 0, 0, 0])
    }

    @Test func tinyGraphsHaveNoBetweenness() {
        #expect(Betweenness.normalised(adjacency: [[1], [0]]) == [0, 0])
        #expect(Betweenness.normalised(adjacency: []) == [])
    }
}

@Suite struct IstAnalysisTests {
    let analysis = IstAnalysis(Musterstadt.map())

    @Test func everyViewHasContentAndAnExplanation() throws {
        #expect(!analysis.interactionMatrix.view.cells.isEmpty)
        #expect(!analysis.interactionNetwork.view.nodes.isEmpty)
        #expect(!analysis.interfaces.view.interfaces.isEmpty)
        #expect(!analysis.entryPoints.view.rows.isEmpty)
        #expect(!analysis.informationNeeds.view.units.isEmpty)
        #expect(!analysis.responsibilities.view.taskGaps.isEmpty)
        #expect(!analysis.taskTransparency.view.units.isEmpty)
        let explanations = [
            analysis.interactionMatrix.explanation, analysis.interactionNetwork.explanation,
            analysis.interfaces.explanation, analysis.entryPoints.explanation,
            analysis.informationNeeds.explanation, analysis.responsibilities.explanation,
            analysis.taskTransparency.explanation,
        ]
        // One German sentence each.
        #expect(explanations.allSatisfy { $0.hasSuffix(".") && !$0.dropLast().contains(". ") && $0.contains(" zeigt") })
        let questions = Set(
            [
                analysis.interactionMatrix.questions, analysis.interactionNetwork.questions,
                analysis.interfaces.questions, analysis.entryPoints.questions,
                analysis.informationNeeds.questions, analysis.responsibilities.questions,
                analysis.taskTransparency.questions,
            ].flatMap { $0 })
        #expect(questions == Set(1...7))
    }

    /// The demo's central post office is the planted hub; its betweenness equals networkx's value for the
    /// same graph (0.345405678, networkx 3.6.1).
    @Test func centralPostOfficeIsTheHub() throws {
        let network = analysis.interactionNetwork.view
        let post = try #require(network.nodes.first)
        #expect(post.unit.id == "10.2")
        #expect(post.isHub)
        #expect(abs(post.betweenness - 0.345405678) < 1e-8)
        #expect(network.hubs.count < network.nodes.count / 4)
    }

    @Test func buildingPermitCrossesTheMostUnits() throws {
        let spread = try #require(analysis.interfaces.view.services.first)
        #expect(spread.serviceID == "baugenehmigung")
        #expect(spread.units.count >= 7)
        #expect(spread.crossUnitHandoffs >= 10)
    }

    @Test func unclearResponsibilitiesAreFound() {
        let gaps = Dictionary(
            uniqueKeysWithValues: analysis.responsibilities.view.taskGaps.map { ($0.taskID, $0.gaps) })
        #expect(gaps["A-10.1-3"] == [.noAccountable])
        #expect(gaps["A-63-4"] == [.severalAccountables])
        #expect(gaps["A-14-2"] == [.noResponsible])
        #expect(gaps["A-33-1"] == nil)
        #expect(!analysis.responsibilities.view.ownerlessHandoffs.isEmpty)
        #expect(analysis.responsibilities.view.ownerlessHandoffs.count < analysis.responsibilities.view.handoffCount)
    }

    @Test func digitalisationStaffUnitIsLittleKnown() throws {
        let units = analysis.taskTransparency.view.units
        let sd = try #require(units.first { $0.unit.id == "SD" })
        #expect(sd.isLittleKnown)
        let citizenOffice = try #require(units.first { $0.unit.id == "33" })
        #expect(!citizenOffice.isLittleKnown)
    }

    @Test func interfacesAreClassified() {
        let summary = Dictionary(uniqueKeysWithValues: analysis.interfaces.view.summary.map { ($0.interfaceClass, $0) })
        for interfaceClass in InterfaceClass.allCases { #expect((summary[interfaceClass]?.flowCount ?? 0) > 0) }
        let total = analysis.interfaces.view.summary.reduce(0) { $0 + $1.flowCount }
        #expect(total == Musterstadt.map().flows.count)
    }

    @Test func matrixCountsPositionsForTheirUnits() {
        let map = TenantMap(
            tenant: Tenant(id: "t", name: "T", ags: "05315000", population: 1),
            units: [OrgUnit(id: "a", name: "A", kind: .amt), OrgUnit(id: "b", name: "B", kind: .amt)],
            positions: [Position(id: "a1", title: "A1", unitID: "a"), Position(id: "b1", title: "B1", unitID: "b")],
            externalParties: [ExternalParty(id: "x", name: "X", kind: .citizen)],
            flows: [
                InformationFlow(
                    id: "1", from: .position("a1"), to: .unit("b"), channel: .post, medium: .paper, frequencyPerYear: 10
                ),
                InformationFlow(
                    id: "2", from: .unit("a"), to: .position("b1"), channel: .email, medium: .email, frequencyPerYear: 5
                ),
                InformationFlow(
                    id: "3", from: .external("x"), to: .unit("a"), channel: .post, medium: .paper, frequencyPerYear: 7),
            ])
        let matrix = InteractionMatrix(MapIndex(map))
        #expect(matrix.cells.count == 1)
        #expect(matrix.cell(from: "a", to: "b")?.flowCount == 2)
        #expect(matrix.cell(from: "a", to: "b")?.volumePerYear == 15)
        let needs = InformationNeeds(MapIndex(map)).units
        #expect(needs.map(\.unit.id) == ["a", "b"])
        #expect(needs[0].needs.first?.from == "X")
    }

    @Test func textReportShowsEverySection() {
        let report = analysis.textReport()
        for title in [
            InteractionMatrix.title, InteractionNetwork.title, InterfaceOverview.title, EntryPointOverview.title,
            InformationNeeds.title, RACICompleteness.title, TaskTransparency.title,
        ] {
            #expect(report.contains("== \(title)"))
        }
        #expect(report.contains("Drehscheiben: Zentrale Dienste und Poststelle"))
        #expect(
            report.contains(
                "Aus dem Workshop:\n  – Kaum jemand im Haus weiß, was die Stabsstelle Digitalisierung macht"))
    }

    @Test func everyWorkshopFindingAppearsOnceWithItsQuestion() {
        let attached = [
            analysis.interactionMatrix.findings, analysis.interactionNetwork.findings,
            analysis.interfaces.findings, analysis.entryPoints.findings, analysis.informationNeeds.findings,
            analysis.responsibilities.findings, analysis.taskTransparency.findings,
        ].flatMap { $0 }
        #expect(attached.count == Musterstadt.map().findings.count)
        #expect(Set(attached.map(\.id)).count == attached.count)
        #expect(analysis.responsibilities.findings.allSatisfy { $0.question == .responsibilities })
        #expect(analysis.interfaces.findings.map(\.question).sorted() == [.internalInterfaces, .externalInterfaces])
    }

    @Test func analysisIsDeterministic() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let first = try encoder.encode(IstAnalysis(Musterstadt.map()))
        var shuffled = Musterstadt.map()
        shuffled.flows.reverse()
        shuffled.units.reverse()
        #expect(try encoder.encode(IstAnalysis(shuffled)) == first)
    }
}

@Suite struct DemoTests {
    @Test func demoHasTheAgreedSize() {
        let map = Musterstadt.map()
        #expect(map.units.count >= 25)
        #expect(map.positions.count >= 60)
        #expect(map.duties.count >= 80)
        #expect(map.flows.count >= 120)
        #expect(map.services.count >= 15)
        #expect(!map.entryPoints.isEmpty && !map.findings.isEmpty && !map.awareness.isEmpty)
    }

    /// Every LeiKa key of the demo is a real key of the OZG catalogue in the corpus.
    @Test(.enabled(if: Corpus.isAvailable, "corpus missing")) func demoLeiKaKeysAreInTheCatalogue() throws {
        let url = try #require(Corpus.file("catalogs/ozg/leika_leistungen_ozg_mapping.csv"))
        let catalogue = try String(contentsOf: url, encoding: .utf8)
        let keys = Set(
            catalogue.split(whereSeparator: \.isNewline).compactMap { $0.split(separator: ",").first.map(String.init) })
        for service in Musterstadt.map().services {
            #expect(keys.contains(service.leikaKey.rawValue), "\(service.name): \(service.leikaKey)")
        }
    }
}
