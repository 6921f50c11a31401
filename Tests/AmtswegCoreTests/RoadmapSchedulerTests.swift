import AmtswegCore
import AmtswegDemo
import AmtswegSupport
import Testing

/// The scheduler keeps every dependency and every capacity, always gives the same plan, names cycles, and
/// reproduces a small plan worked out by hand.
@Suite struct RoadmapSchedulerTests {
    static let start = Quarter(year: 2027, number: 1)!

    @Test(arguments: [UInt64(1), 7, 2026])
    func generatedRoadmapsKeepDependenciesAndCapacities(seed: UInt64) throws {
        let roadmap = SyntheticRoadmap.make(
            seed: seed, initiatives: 300, dependencies: 900, units: 20, start: Self.start)
        let scheduler = RoadmapScheduler(start: Self.start, horizonQuarters: roadmap.horizonQuarters)
        var random = SplitMix64(seed: seed)
        let order = roadmap.initiatives.map(\.id).shuffled(using: &random)
        let schedule = try scheduler.schedule(roadmap.initiatives, capacities: roadmap.capacities, priority: order)
        #expect(
            schedule.placements.count >= 100, "a good part of the initiatives finds room: \(schedule.placements.count)")

        for initiative in roadmap.initiatives {
            guard let placed = schedule.placements[initiative.id] else {
                let reasons = schedule.conflicts.filter { $0.initiativeID == initiative.id }
                #expect(!reasons.isEmpty, "\(initiative.id) unplaced without a conflict saying why")
                continue
            }
            #expect(placed.start >= Self.start && placed.start >= (initiative.earliestStart ?? Self.start))
            #expect(placed.start.distance(to: placed.end) == initiative.durationQuarters - 1)
            #expect(placed.end < Self.start.adding(roadmap.horizonQuarters))
            for dependency in initiative.dependencies {
                let before = try #require(schedule.placements[dependency], "placed after an unplaced dependency")
                #expect(before.end < placed.start, "\(initiative.id) starts before \(dependency) ends")
            }
        }
        // Loads recomputed here from the placements, not taken from the scheduler.
        var load: [ID<OrgUnit>: [Quarter: Double]] = [:]
        for initiative in roadmap.initiatives {
            guard let placed = schedule.placements[initiative.id] else { continue }
            for effort in initiative.efforts {
                for offset in 0..<initiative.durationQuarters {
                    load[effort.unitID, default: [:]][placed.start.adding(offset), default: 0] +=
                        effort.personDays / Double(initiative.durationQuarters)
                }
            }
        }
        for capacity in roadmap.capacities {
            for (quarter, days) in load[capacity.unitID] ?? [:] {
                #expect(days <= capacity.personDaysPerQuarter + 1e-6, "\(capacity.unitID) over capacity in \(quarter)")
            }
        }
        #expect(!schedule.conflicts.contains { if case .overCapacity = $0 { true } else { false } })

        let again = try scheduler.schedule(roadmap.initiatives, capacities: roadmap.capacities, priority: order)
        #expect(again == schedule, "the same input gives the same plan")
    }

    @Test func aCycleIsRefusedNamingItsMembers() {
        let initiatives = [
            Initiative(id: "a", title: "E-Akte", dependencies: ["c"], status: .planned),
            Initiative(id: "b", title: "Portal", dependencies: ["a"], status: .planned),
            Initiative(id: "c", title: "Schnittstelle", dependencies: ["b"], status: .planned),
            Initiative(id: "d", title: "Schulung", dependencies: ["a"], status: .planned),
        ]
        let scheduler = RoadmapScheduler(start: Self.start, horizonQuarters: 8)
        do {
            _ = try scheduler.schedule(initiatives, capacities: [], priority: [])
            Issue.record("a cycle must be refused")
        } catch {
            #expect(
                error.description
                    == "Die Abhängigkeiten bilden einen Kreis: „E-Akte“ (a) → „Schnittstelle“ (c) → „Portal“ (b) → „E-Akte“ (a)."
            )
        }
        #expect(RoadmapScheduler.cycle(in: initiatives) == ["a", "c", "b", "a"])
    }

    /// Worked out by hand. Ordnungsamt has 20 person-days a quarter, Bürgerbüro 30 (but none in 2027-Q3).
    /// Priority: a, b, c, d, e, f; d and h have a fixed start in 2027-Q1, g is done.
    /// - d (10) and h (15) stay in 2027-Q1: Ordnungsamt carries 25 of 20 there — over capacity.
    /// - a (Ordnungsamt 15): Q1 is full → 2027-Q2.
    /// - b (Ordnungsamt 10): Q1 full, Q2 15 + 10 > 20 → 2027-Q3.
    /// - c (after a; Bürgerbüro 40 over 2 quarters, 20 each): earliest Q3, which has no capacity → 2027-Q4 to
    ///   2028-Q1; its deadline 2027-12-31 is missed.
    /// - e (Bürgerbüro 50 in one quarter) never fits: no room; f depends on e: blocked.
    @Test func aSmallPlanWorkedOutByHand() throws {
        let ordnungsamt = ID<OrgUnit>("ordnungsamt"), buergerbuero = ID<OrgUnit>("buergerbuero")
        let q = { (year: Int, number: Int) in Quarter(year: year, number: number)! }
        let deadline = Day(year: 2027, month: 12, day: 31)!
        let initiatives = [
            Initiative(id: "a", title: "A", efforts: [.init(unitID: ordnungsamt, personDays: 15)], status: .planned),
            Initiative(id: "b", title: "B", efforts: [.init(unitID: ordnungsamt, personDays: 10)], status: .planned),
            Initiative(
                id: "c", title: "C", efforts: [.init(unitID: buergerbuero, personDays: 40)], durationQuarters: 2,
                deadline: deadline, dependencies: ["a"], status: .planned),
            Initiative(
                id: "d", title: "D", efforts: [.init(unitID: ordnungsamt, personDays: 10)], fixedStart: q(2027, 1),
                status: .inProgress),
            Initiative(id: "e", title: "E", efforts: [.init(unitID: buergerbuero, personDays: 50)], status: .idea),
            Initiative(id: "f", title: "F", dependencies: ["e"], status: .idea),
            Initiative(id: "g", title: "G", efforts: [.init(unitID: ordnungsamt, personDays: 99)], status: .done),
            Initiative(
                id: "h", title: "H", efforts: [.init(unitID: ordnungsamt, personDays: 15)], fixedStart: q(2027, 1),
                status: .inProgress),
        ]
        let capacities = [
            UnitCapacity(unitID: ordnungsamt, personDaysPerQuarter: 20),
            UnitCapacity(unitID: buergerbuero, personDaysPerQuarter: 30, exceptions: [q(2027, 3): 0]),
        ]
        let schedule = try RoadmapScheduler(start: q(2027, 1), horizonQuarters: 8)
            .schedule(initiatives, capacities: capacities, priority: ["a", "b", "c", "d", "e", "f", "g", "h"])
        #expect(schedule.placements["d"] == .init(start: q(2027, 1), end: q(2027, 1), isFixed: true))
        #expect(schedule.placements["h"] == .init(start: q(2027, 1), end: q(2027, 1), isFixed: true))
        #expect(schedule.placements["a"] == .init(start: q(2027, 2), end: q(2027, 2), isFixed: false))
        #expect(schedule.placements["b"] == .init(start: q(2027, 3), end: q(2027, 3), isFixed: false))
        #expect(schedule.placements["c"] == .init(start: q(2027, 4), end: q(2028, 1), isFixed: false))
        #expect(schedule.placements.count == 5, "e, f (no room) and g (done) stay unplaced")
        #expect(schedule.order == ["d", "h", "a", "b", "c"])
        #expect(schedule.load[ordnungsamt] == [q(2027, 1): 25, q(2027, 2): 15, q(2027, 3): 10])
        #expect(schedule.load[buergerbuero] == [q(2027, 4): 20, q(2028, 1): 20])
        #expect(
            schedule.conflicts == [
                .deadlineMissed("c", deadline: deadline, end: q(2028, 1)), .noRoom("e"),
                .blockedBy("f", dependency: "e"),
                .overCapacity(ordnungsamt, quarter: q(2027, 1), load: 25, capacity: 20),
            ])
    }
}
