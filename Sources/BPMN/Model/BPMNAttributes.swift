/// The schema attributes of one BPMN element: a handful of name–value pairs in a small array.
///
/// It reads like a `[String: String]` (subscript by name, dictionary literals, order-insensitive equality) but
/// costs no hash table: an element has two to six attributes, and building, copying, hashing and freeing a
/// dictionary for each of the thousands of elements in a model was a fifth of reading and writing BPMN.
/// Pairs keep the order in which they were set; the writer puts them in the schema's order.
public struct BPMNAttributes: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: String)

    @usableFromInline var pairs: [Element]

    public init() { pairs = [] }

    public init(dictionaryLiteral elements: (String, String)...) {
        pairs = []
        pairs.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    @inlinable
    public subscript(key: String) -> String? {
        get {
            for pair in pairs where pair.key == key { return pair.value }
            return nil
        }
        set {
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
        }
    }

    public var count: Int { pairs.count }
    public var isEmpty: Bool { pairs.isEmpty }
    public var keys: [String] { pairs.map(\.key) }

    public func makeIterator() -> IndexingIterator<[Element]> { pairs.makeIterator() }

    /// Adds a pair whose name is known not to be present yet (the XML parser refuses repeated attributes).
    mutating func appendNew(_ key: String, _ value: String) { pairs.append((key, value)) }

    mutating func reserveCapacity(_ capacity: Int) { pairs.reserveCapacity(capacity) }

    /// The pairs as a buffer, for the writer's ordering without copies.
    func withPairs<Result>(_ body: (UnsafeBufferPointer<Element>) -> Result) -> Result {
        pairs.withUnsafeBufferPointer(body)
    }
}

extension BPMNAttributes: Hashable {
    /// Equal when they hold the same pairs, in whatever order, as dictionaries compare.
    public static func == (left: Self, right: Self) -> Bool {
        guard left.pairs.count == right.pairs.count else { return false }
        for pair in left.pairs where right[pair.key] != pair.value { return false }
        return true
    }

    /// Independent of order, so that equal values hash alike.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for pair in pairs {
            var own = Hasher()
            own.combine(pair.key)
            own.combine(pair.value)
            combined ^= own.finalize()
        }
        hasher.combine(pairs.count)
        hasher.combine(combined)
    }
}

extension BPMNAttributes: CustomStringConvertible {
    public var description: String {
        "[" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
    }
}
