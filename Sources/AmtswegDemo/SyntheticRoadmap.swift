public import AmtswegCore
import AmtswegSupport

/// Large generated roadmaps of a fixed shape, for the scheduler's tests and benchmark: units with capacities,
/// initiatives with efforts in one to three units, mostly lasting one quarter (some two or three), some earliest starts and
/// deadlines, and dependencies that always point to an initiative of an earlier wave — so the generated roadmap
/// never has a cycle and the same seed always gives the same roadmap.
public enum SyntheticRoadmap {
    public static func make(
        seed: UInt64, initiatives count: Int, dependencies: Int, units: Int, start: Quarter
    ) -> Roadmap {
        var random = SplitMix64(seed: seed)
        let unitIDs = (0..<units).map { ID<OrgUnit>("unit-\($0)") }
        var initiatives: [Initiative] = (0..<count).map { number in
            let involved = Set((0..<(1 + random.next(below: 3))).map { _ in unitIDs[random.next(below: units)] })
            let earliest = random.next(below: 4) == 0 ? start.adding(random.next(below: 6)) : nil
            // A deadline, where there is one, lies after the earliest start: the roadmap stays valid.
            let deadline =
                random.next(below: 5) == 0 ? (earliest ?? start).adding(2 + random.next(below: 12)).lastDay : nil
            return Initiative(
                id: ID("m-\(number)"), title: "Maßnahme \(number)",
                ownerUnitID: involved.sorted().first,
                efforts: involved.sorted().map { .init(unitID: $0, personDays: Double(5 + random.next(below: 40))) },
                risk: 1 + random.next(below: 5),
                durationQuarters: [1, 1, 1, 1, 1, 1, 1, 2, 2, 3][random.next(below: 10)],
                earliestStart: earliest,
                deadline: deadline, status: .planned)
        }
        // Initiatives come in six waves; each depends only on initiatives of earlier waves, so chains stay as
        // short as a real roadmap's and most initiatives fit into the horizon.
        let waves = 6
        func wave(_ number: Int) -> Int { number * waves / max(count, 1) }
        let firstOfSecondWave = (0..<count).first { wave($0) >= 1 } ?? count
        var added = 0
        var attempts = 0
        while added < dependencies, firstOfSecondWave < count, attempts < dependencies * 20 {
            attempts += 1
            let later = firstOfSecondWave + random.next(below: count - firstOfSecondWave)
            let earlierWaves = (0..<count).first { wave($0) >= wave(later) } ?? later
            let earlier = random.next(below: max(earlierWaves, 1))
            let dependency = initiatives[earlier].id
            guard !initiatives[later].dependencies.contains(dependency) else { continue }
            initiatives[later].dependencies.append(dependency)
            added += 1
        }
        let capacities = unitIDs.map {
            UnitCapacity(unitID: $0, personDaysPerQuarter: Double(60 + random.next(below: 60)))
        }
        return Roadmap(initiatives: initiatives, capacities: capacities, horizonQuarters: 24)
    }
}
