/// Places the open initiatives of a roadmap in quarters.
///
/// The rule, deterministic and documented: initiatives with a fixed start stay where they are (their load
/// counts even beyond capacity, which is then a conflict). The others are placed one at a time, always the
/// one with the highest priority among those whose dependencies are placed (ties by id), in the earliest quarter
/// that comes after all its dependencies end, is not before its earliest start, and where every unit involved
/// still has room for its share of the effort in each quarter the initiative runs (effort spread evenly over
/// its duration). Units without a declared capacity do not limit the plan. What finds no room within the horizon
/// stays unplaced, as do the initiatives that depend on it; each such case is a conflict.
public struct RoadmapScheduler: Sendable {
    /// Where an initiative runs: from the start quarter to the end quarter, both included.
    public struct Placement: Hashable, Sendable, Codable {
        public var start: Quarter
        public var end: Quarter
        public var isFixed: Bool

        public init(start: Quarter, end: Quarter, isFixed: Bool) {
            self.start = start
            self.end = end
            self.isFixed = isFixed
        }
    }

    public struct Schedule: Hashable, Sendable, Codable {
        public var placements: [ID<Initiative>: Placement]
        /// Person-days per unit and quarter.
        public var load: [ID<OrgUnit>: [Quarter: Double]]
        public var conflicts: [ScheduleConflict]
        /// The order in which initiatives were placed (fixed ones first).
        public var order: [ID<Initiative>]
    }

    public var start: Quarter
    public var horizonQuarters: Int

    public init(start: Quarter, horizonQuarters: Int) {
        self.start = start
        self.horizonQuarters = max(1, horizonQuarters)
    }

    /// Schedules `initiatives`; `priority` lists initiative ids, most urgent first (the order of
    /// ``Prioritizer/scores(_:facts:)``); ids missing from it come last by id. Throws ``RoadmapError`` naming the
    /// initiatives of a dependency cycle.
    public func schedule(
        _ initiatives: [Initiative], capacities: [UnitCapacity], priority: [ID<Initiative>]
    ) throws(RoadmapError) -> Schedule {
        let byID = Dictionary(initiatives.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if let cycle = Self.cycle(in: initiatives) {
            let names = cycle.map { byID[$0].map { "„\($0.title)“ (\($0.id))" } ?? $0.rawValue }
            throw RoadmapError(["Die Abhängigkeiten bilden einen Kreis: \(names.joined(separator: " → "))."])
        }
        let capacityOf = Dictionary(capacities.map { ($0.unitID, $0) }, uniquingKeysWith: { first, _ in first })
        var rank: [ID<Initiative>: Int] = [:]
        for (index, id) in priority.enumerated() where rank[id] == nil { rank[id] = index }
        let open = initiatives.filter(\.status.isOpen)
            .sorted { (rank[$0.id] ?? Int.max, $0.id) < (rank[$1.id] ?? Int.max, $1.id) }

        var schedule = Schedule(placements: [:], load: [:], conflicts: [], order: [])
        var failed: Set<ID<Initiative>> = []

        func addLoad(_ initiative: Initiative, from first: Quarter) {
            let duration = max(1, initiative.durationQuarters)
            for effort in initiative.efforts where effort.personDays > 0 {
                for offset in 0..<duration {
                    schedule.load[effort.unitID, default: [:]][first.adding(offset), default: 0] +=
                        effort.personDays / Double(duration)
                }
            }
        }
        func place(_ initiative: Initiative, at first: Quarter, fixed: Bool) {
            let end = first.adding(max(1, initiative.durationQuarters) - 1)
            schedule.placements[initiative.id] = Placement(start: first, end: end, isFixed: fixed)
            schedule.order.append(initiative.id)
            addLoad(initiative, from: first)
            if let deadline = initiative.deadline, end.lastDay > deadline {
                schedule.conflicts.append(.deadlineMissed(initiative.id, deadline: deadline, end: end))
            }
        }

        // Fixed ones first, where they are.
        for initiative in open {
            if let fixed = initiative.fixedStart { place(initiative, at: fixed, fixed: true) }
        }
        for initiative in open where initiative.fixedStart != nil {
            for dependency in initiative.dependencies {
                if let placed = schedule.placements[dependency], placed.end >= initiative.fixedStart! {
                    schedule.conflicts.append(.startsBeforeDependency(initiative.id, dependency: dependency))
                }
            }
        }

        // Then list scheduling by priority among the ready ones.
        var waiting = open.filter { $0.fixedStart == nil }
        let last = start.adding(horizonQuarters - 1)
        while !waiting.isEmpty {
            guard
                let index = waiting.firstIndex(where: { candidate in
                    candidate.dependencies.allSatisfy { dependency in
                        guard let other = byID[dependency], other.status.isOpen else { return true }
                        return schedule.placements[dependency] != nil || failed.contains(dependency)
                    }
                })
            else { break }  // cannot happen without a cycle, which was refused above
            let initiative = waiting.remove(at: index)
            var earliest = max(start, initiative.earliestStart ?? start)
            var blocked = false
            for dependency in initiative.dependencies {
                guard let other = byID[dependency] else { continue }
                if other.status == .rejected {
                    schedule.conflicts.append(.dependsOnRejected(initiative.id, dependency: dependency))
                } else if failed.contains(dependency) {
                    schedule.conflicts.append(.blockedBy(initiative.id, dependency: dependency))
                    blocked = true
                } else if let placed = schedule.placements[dependency] {
                    earliest = max(earliest, placed.end.adding(1))
                }
            }
            if blocked {
                failed.insert(initiative.id)
                continue
            }
            let duration = max(1, initiative.durationQuarters)
            var chosen: Quarter?
            var quarter = earliest
            while quarter.adding(duration - 1) <= last {
                if fits(initiative, at: quarter, capacityOf: capacityOf, load: schedule.load) {
                    chosen = quarter
                    break
                }
                quarter = quarter.adding(1)
            }
            if let chosen {
                place(initiative, at: chosen, fixed: false)
            } else {
                failed.insert(initiative.id)
                schedule.conflicts.append(.noRoom(initiative.id))
            }
        }

        for (unit, quarters) in schedule.load.sorted(by: { $0.key < $1.key }) {
            guard let capacity = capacityOf[unit] else { continue }
            for (quarter, load) in quarters.sorted(by: { $0.key < $1.key })
            where load > capacity.personDays(in: quarter) + Self.tolerance {
                schedule.conflicts.append(
                    .overCapacity(unit, quarter: quarter, load: load, capacity: capacity.personDays(in: quarter)))
            }
        }
        return schedule
    }

    /// Rounding room when loads are sums of fractions.
    static let tolerance = 1e-6

    private func fits(
        _ initiative: Initiative, at first: Quarter, capacityOf: [ID<OrgUnit>: UnitCapacity],
        load: [ID<OrgUnit>: [Quarter: Double]]
    ) -> Bool {
        let duration = max(1, initiative.durationQuarters)
        for effort in initiative.efforts where effort.personDays > 0 {
            guard let capacity = capacityOf[effort.unitID] else { continue }
            let share = effort.personDays / Double(duration)
            for offset in 0..<duration {
                let quarter = first.adding(offset)
                if (load[effort.unitID]?[quarter] ?? 0) + share > capacity.personDays(in: quarter) + Self.tolerance {
                    return false
                }
            }
        }
        return true
    }

    /// The first dependency cycle among the initiatives (in id order), as the initiatives along it; `nil` when
    /// there is none. Depth-first search with an explicit stack, so that long chains cannot overflow it.
    public static func cycle(in initiatives: [Initiative]) -> [ID<Initiative>]? {
        let byID = Dictionary(initiatives.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        enum Mark { case active, done }
        var marks: [ID<Initiative>: Mark] = [:]
        for root in initiatives.map(\.id).sorted() where marks[root] == nil {
            var stack: [(id: ID<Initiative>, next: Int)] = [(root, 0)]
            var path: [ID<Initiative>] = [root]
            marks[root] = .active
            while let top = stack.last {
                let dependencies = (byID[top.id]?.dependencies ?? []).filter { byID[$0] != nil }.sorted()
                if top.next < dependencies.count {
                    stack[stack.count - 1].next += 1
                    let next = dependencies[top.next]
                    switch marks[next] {
                    case .active:
                        let from = path.firstIndex(of: next)!
                        return Array(path[from...]) + [next]
                    case .done: continue
                    case nil:
                        marks[next] = .active
                        stack.append((next, 0))
                        path.append(next)
                    }
                } else {
                    marks[top.id] = .done
                    stack.removeLast()
                    path.removeLast()
                }
            }
        }
        return nil
    }
}
