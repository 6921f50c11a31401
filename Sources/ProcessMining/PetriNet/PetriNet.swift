/// A labelled Petri net with an initial and a final marking (an accepting Petri net), as discovery produces
/// and conformance checking reads: places, transitions (silent ones have no label) and weighted arcs.
public struct PetriNet: Hashable, Sendable {
    public struct Place: Hashable, Sendable {
        public var id: String
        public var name: String
        public init(id: String, name: String = "") {
            self.id = id
            self.name = name
        }
    }

    public struct Transition: Hashable, Sendable {
        public var id: String
        /// The activity it stands for; `nil` for a silent (τ) transition.
        public var label: String?
        public init(id: String, label: String?) {
            self.id = id
            self.label = label
        }
    }

    public struct Arc: Hashable, Sendable {
        public var source: String
        public var target: String
        public var weight: Int
        public init(source: String, target: String, weight: Int = 1) {
            self.source = source
            self.target = target
            self.weight = weight
        }
    }

    public var id: String
    public var places: [Place]
    public var transitions: [Transition]
    public var arcs: [Arc]
    /// Tokens per place id.
    public var initialMarking: [String: Int]
    public var finalMarking: [String: Int]

    public init(
        id: String = "net", places: [Place] = [], transitions: [Transition] = [], arcs: [Arc] = [],
        initialMarking: [String: Int] = [:], finalMarking: [String: Int] = [:]
    ) {
        self.id = id
        self.places = places
        self.transitions = transitions
        self.arcs = arcs
        self.initialMarking = initialMarking
        self.finalMarking = finalMarking
    }
}
