/// Dictionary encoding of repeated strings (activities, resources, case ids): each distinct string once, events
/// refer to it by a small integer.
public struct StringPool: Sendable, Hashable {
    public private(set) var strings: [String] = []
    private var codes: [String: Int32] = [:]

    public init() {}

    /// The code of `string`, adding it if new.
    public mutating func code(_ string: String) -> Int32 {
        if let code = codes[string] { return code }
        let code = Int32(strings.count)
        strings.append(string)
        codes[string] = code
        return code
    }

    /// The code of `string` if it is in the pool.
    public func existingCode(_ string: String) -> Int32? { codes[string] }

    public subscript(code: Int32) -> String { strings[Int(code)] }
    public var count: Int { strings.count }
}
