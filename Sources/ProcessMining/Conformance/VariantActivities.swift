/// The activities of one variant in a report: codes into the log's name table, which all variants share, so
/// that a report over thousands of variants is built without copying a name per event. Reads and encodes as a
/// list of activity names.
public struct VariantActivities: RandomAccessCollection, Hashable, Sendable, Codable {
    let codes: [Int32]
    let names: [String]

    init(codes: [Int32], names: [String]) {
        self.codes = codes
        self.names = names
    }

    public var startIndex: Int { codes.startIndex }
    public var endIndex: Int { codes.endIndex }
    public subscript(position: Int) -> String { names[Int(codes[position])] }

    public static func == (a: Self, b: Self) -> Bool { a.elementsEqual(b) }
    public func hash(into hasher: inout Hasher) { for name in self { hasher.combine(name) } }

    public init(from decoder: any Decoder) throws {
        let names = try [String](from: decoder)
        self.init(codes: names.indices.map { Int32($0) }, names: names)
    }

    public func encode(to encoder: any Encoder) throws { try Array(self).encode(to: encoder) }
}
