import AmtswegCore
import AmtswegDemo
import BPMN
import Testing

@testable import ProcessBPMN

/// Musterstadt's processes: stored as BPMN, read back unchanged, with figures and problem spots to show.
@Suite struct DemoProcessTests {
    static let map = Musterstadt.map()
    static let records = Musterstadt.processRecords(for: map)
    static let processes = records.map { try! $0.read().process }

    @Test func twelveProcessesWithFiveSollVersions() {
        let ist = Self.processes.filter { $0.state == .ist }
        let soll = Self.processes.filter { $0.state == .soll }
        #expect(ist.count == 12 && soll.count == 5)
        #expect(
            soll.allSatisfy { version in ist.contains { $0.id == version.istID && $0.serviceID == version.serviceID } })
        #expect(Set(Self.processes.map(\.id)).count == Self.processes.count)
        #expect(Self.map.validate().isEmpty)
    }

    @Test func storedBPMNGivesTheCapturedProcessBack() throws {
        for (captured, process) in zip(Musterstadt.processes(), Self.processes) {
            #expect(process == captured.processModel(laneName: Self.map.name(of:)))
            #expect(CapturedProcess(process: process) == captured)
        }
    }

    @Test func everyReferenceInTheDemoResolves() {
        let catalogue = Self.map.catalogue
        let known: (applications: Set<ID<Application>>, objects: Set<ID<InformationObject>>, skills: Set<ID<Skill>>) = (
            Set(catalogue.applications.map(\.id)), Set(Self.map.informationObjects.map(\.id)),
            Set(catalogue.skills.map(\.id))
        )
        let positions = Set(Self.map.positions.map(\.id))
        for process in Self.processes {
            for lane in process.lanes {
                guard case .position(let id) = lane.performer else {
                    Issue.record("\(process.id): lane \(lane.id) without position")
                    continue
                }
                #expect(positions.contains(id), "\(process.id): \(id)")
            }
            for step in process.steps.compactMap(\.step) {
                #expect(step.applicationIDs.allSatisfy(known.applications.contains), "\(process.id)")
                #expect((step.inputIDs + step.outputIDs).allSatisfy(known.objects.contains), "\(process.id)")
                #expect(step.requiredSkills.map(\.skillID).allSatisfy(known.skills.contains), "\(process.id)")
                #expect(step.block.map { BuildingBlock.standardByKey[$0] != nil } ?? false, "\(process.id)")
            }
        }
    }

    @Test func problemSpotsFromAtLeastEightRules() {
        let spots = ProblemFinder(map: Self.map).findAll(in: Self.processes)
        let rules = Set(spots.map(\.rule))
        #expect(rules.count >= 8, "\(rules)")
        #expect(
            rules.isSuperset(of: [
                .pingPong, .tooManyDesks, .mediaBreak, .doubleEntry, .paperDespiteApplication, .singlePointOfKnowledge,
                .longWait, .processWithoutOwner, .serviceWithoutProcess,
            ]))
    }

    @Test func sollVersionsSaveTime() {
        for soll in Self.processes where soll.state == .soll {
            let ist = try! #require(Self.processes.first { $0.id == soll.istID })
            let comparison = ProcessComparison(ist: ist, soll: soll, map: Self.map)
            #expect((comparison.savedHoursPerYear ?? 0) > 0, "\(soll.id)")
            #expect((comparison.rows.first { $0.key == "leadTimeMinutes" }?.delta ?? 0) < 0, "\(soll.id)")
        }
    }
}
