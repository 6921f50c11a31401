extension ProblemSpot {
    /// A stable name for the spot — its rule and the object it is mainly about — so that an initiative can say
    /// which spot it addresses, and the spot which initiative addresses it, across recomputations.
    public var key: String {
        guard let main = links.first else { return rule.rawValue }
        return [rule.rawValue, main.kind.rawValue, main.processID ?? "", main.id].joined(separator: "|")
    }
}
