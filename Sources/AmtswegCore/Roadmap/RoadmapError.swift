/// Why a roadmap cannot be saved or scheduled; every problem found, each naming what is wrong.
public struct RoadmapError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [String]

    public init(_ problems: [String]) { self.problems = problems }

    public var description: String { problems.joined(separator: " ") }
}
