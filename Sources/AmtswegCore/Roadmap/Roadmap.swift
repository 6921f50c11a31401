/// The roadmap (Fahrplan) of one municipality: the agreed target picture, goals measured from the data, fields
/// of action, initiatives, the capacities of the units, and how priorities are weighed. Saved and loaded as a
/// whole, like the map; measurements of the indicators are kept apart, as a growing series.
public struct Roadmap: Hashable, Sendable, Codable {
    public var vision: Vision?
    public var goals: [Goal]
    public var fields: [FieldOfAction]
    public var initiatives: [Initiative]
    public var capacities: [UnitCapacity]
    public var weights: PriorityWeights
    /// How many quarters ahead the schedule plans.
    public var horizonQuarters: Int

    public init(
        vision: Vision? = nil, goals: [Goal] = [], fields: [FieldOfAction] = [], initiatives: [Initiative] = [],
        capacities: [UnitCapacity] = [], weights: PriorityWeights = .standard, horizonQuarters: Int = 12
    ) {
        self.vision = vision
        self.goals = goals
        self.fields = fields
        self.initiatives = initiatives
        self.capacities = capacities
        self.weights = weights
        self.horizonQuarters = horizonQuarters
    }

    public static let maxHorizonQuarters = 40

    public func goal(_ id: ID<Goal>) -> Goal? { goals.first { $0.id == id } }
    public func field(_ id: ID<FieldOfAction>) -> FieldOfAction? { fields.first { $0.id == id } }
    public func initiative(_ id: ID<Initiative>) -> Initiative? { initiatives.first { $0.id == id } }

    /// The same roadmap in canonical order, so that exports are stable.
    public func sorted() -> Roadmap {
        var roadmap = self
        roadmap.goals.sort { $0.id < $1.id }
        roadmap.fields.sort { $0.id < $1.id }
        roadmap.initiatives.sort { $0.id < $1.id }
        roadmap.capacities.sort { $0.unitID < $1.unitID }
        return roadmap
    }

    /// The roadmap without the goal; initiatives and fields keep everything else. Returns the titles of what
    /// lost its link to the goal, so the page can say so.
    public func removingGoal(_ id: ID<Goal>) -> (roadmap: Roadmap, unlinked: [String]) {
        var roadmap = self
        var unlinked: [String] = []
        roadmap.goals.removeAll { $0.id == id }
        for index in roadmap.fields.indices where roadmap.fields[index].goalIDs.contains(id) {
            roadmap.fields[index].goalIDs.removeAll { $0 == id }
            unlinked.append(roadmap.fields[index].name)
        }
        for index in roadmap.initiatives.indices where roadmap.initiatives[index].goalIDs.contains(id) {
            roadmap.initiatives[index].goalIDs.removeAll { $0 == id }
            unlinked.append(roadmap.initiatives[index].title)
        }
        return (roadmap, unlinked)
    }

    /// The roadmap without the field of action; its initiatives stay, without a field. Returns their titles.
    public func removingField(_ id: ID<FieldOfAction>) -> (roadmap: Roadmap, unlinked: [String]) {
        var roadmap = self
        var unlinked: [String] = []
        roadmap.fields.removeAll { $0.id == id }
        for index in roadmap.initiatives.indices where roadmap.initiatives[index].fieldID == id {
            roadmap.initiatives[index].fieldID = nil
            unlinked.append(roadmap.initiatives[index].title)
        }
        return (roadmap, unlinked)
    }

    /// The roadmap without the initiative; those that depended on it lose that dependency. Returns their ids.
    public func removingInitiative(_ id: ID<Initiative>) -> (roadmap: Roadmap, unlinked: [ID<Initiative>]) {
        var roadmap = self
        var unlinked: [ID<Initiative>] = []
        roadmap.initiatives.removeAll { $0.id == id }
        for index in roadmap.initiatives.indices where roadmap.initiatives[index].dependencies.contains(id) {
            roadmap.initiatives[index].dependencies.removeAll { $0 == id }
            unlinked.append(roadmap.initiatives[index].id)
        }
        return (roadmap, unlinked)
    }

    /// Initiatives that address problem spots which no longer exist (the rule was switched off, the spot was
    /// mended): they keep the link and the page says that its spot is gone.
    public func initiativesWithVanishedSpots(current spots: [ProblemSpot]) -> [(Initiative, [String])] {
        let keys = Set(spots.map(\.key))
        return initiatives.compactMap { initiative in
            let gone = initiative.problemSpotKeys.filter { !keys.contains($0) }
            return gone.isEmpty ? nil : (initiative, gone)
        }
    }
}
