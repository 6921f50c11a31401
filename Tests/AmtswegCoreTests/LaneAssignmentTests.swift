import AmtswegCore
import AmtswegDemo
import Testing

/// Assigning a lane of an imported diagram to a position, role or unit of the map.
@Suite struct LaneAssignmentTests {
    static let map = Musterstadt.map()

    static func process() -> ProcessModel {
        ProcessModel(id: "p", name: "Test", lanes: [ProcessLane(id: "L1", name: "Sachbearbeitung Gewerbe")])
    }

    @Test func aLaneIsFoundByIdOrNameAndAssigned() throws {
        var process = Self.process()
        let unit = try #require(Self.map.units.first).id
        #expect(try process.assignLane("Sachbearbeitung Gewerbe", to: "unit:\(unit)", in: Self.map) == 0)
        #expect(process.lanes[0].performer == .unit(unit))
        try process.assignLane("L1", to: "-", in: Self.map)
        #expect(process.lanes[0].performer == nil)
    }

    @Test func mistakesNameWhatIsWrong() {
        var process = Self.process()
        #expect(throws: LaneAssignmentError.self) { try process.assignLane("L9", to: "-", in: Self.map) }
        #expect(throws: LaneAssignmentError.self) { try process.assignLane("L1", to: "Amt 32", in: Self.map) }
        #expect(throws: LaneAssignmentError.self) {
            try process.assignLane("L1", to: "unit:gibt-es-nicht", in: Self.map)
        }
        #expect(process.lanes[0].performer == nil, "nothing changed")
    }
}
