/// Why a lane could not be assigned, with what the person needs to correct it.
public enum LaneAssignmentError: Error, Sendable, CustomStringConvertible {
    /// No lane of that id or name; the lanes there are.
    case unknownLane(String, lanes: [String])
    /// The text is not `position:ID`, `role:ID` or `unit:ID`.
    case malformedPerformer(String)
    /// The position, role or unit does not exist in the tenant.
    case unknownPerformer(String)

    public var description: String {
        switch self {
        case .unknownLane(let lane, let lanes): "Keine Bahn '\(lane)'. Bahnen: \(lanes.joined(separator: ", "))"
        case .malformedPerformer(let text): "'\(text)': erwartet position:ID, role:ID oder unit:ID."
        case .unknownPerformer(let text): "'\(text)' gibt es in der Kommune nicht."
        }
    }
}

extension ProcessModel {
    /// Assigns the lane named by id or name to a position, role or unit of the map (`position:ID`, `role:ID`,
    /// `unit:ID`), or removes its assignment (`-`). Returns the lane's index.
    @discardableResult
    public mutating func assignLane(_ lane: String, to performer: String, in map: TenantMap) throws(LaneAssignmentError)
        -> Int
    {
        guard let index = lanes.firstIndex(where: { $0.id == lane }) ?? lanes.firstIndex(where: { $0.name == lane })
        else { throw .unknownLane(lane, lanes: lanes.map(\.id)) }
        if performer == "-" {
            lanes[index].performer = nil
            return index
        }
        guard let target = Performer(reference: performer) else { throw .malformedPerformer(performer) }
        guard OrganisationLookup(map).knows(target) else { throw .unknownPerformer(performer) }
        lanes[index].performer = target
        return index
    }
}
