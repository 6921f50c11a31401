/// A read-only map from strings to values for lookups on hot paths: a schema's tables asked for every element
/// and attribute of a model read or written.
///
/// `Dictionary<String, _>` hashes with SipHash and compares keys Unicode-aware, which together made up a sixth
/// of the instructions of reading and writing BPMN. Keys here are hashed and compared as their UTF-8 bytes
/// (``ByteInterner``'s hash) in an open-addressing table.
public struct StringTable<Value: Sendable>: Sendable {
    // Inlinable, so that each client specialises the lookup for its value type instead of asking the runtime
    // for generic metadata on every call.
    @usableFromInline let slots: [Int32]
    @usableFromInline let hashes: [UInt64]
    /// The keys' bytes one after another; key `i` is `bytes[offsets[i] ..< offsets[i + 1]]`.
    @usableFromInline let bytes: [UInt8]
    @usableFromInline let offsets: [Int]
    @usableFromInline let values: [Value]

    public init(_ dictionary: [String: Value]) {
        var size = 16
        while size < dictionary.count * 2 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        var hashes: [UInt64] = [], bytes: [UInt8] = [], offsets = [0], values: [Value] = []
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            let utf8 = Array(key.utf8)
            let hash = utf8.withUnsafeBufferPointer { ByteInterner.hash($0) }
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(values.count)
            hashes.append(hash)
            bytes += utf8
            offsets.append(bytes.count)
            values.append(value)
        }
        self.slots = slots
        self.hashes = hashes
        self.bytes = bytes
        self.offsets = offsets
        self.values = values
    }

    @inlinable
    public subscript(key: String) -> Value? {
        let found =
            key.utf8.withContiguousStorageIfAvailable { index(of: $0) }
            ?? Array(key.utf8).withUnsafeBufferPointer {
                index(of: $0)
            }
        guard let found else { return nil }
        return values[found]
    }

    @inlinable public var count: Int { values.count }

    @inlinable
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = ByteInterner.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            // Equal 64-bit hashes of equal-length keys: a different key here is practically impossible, but the
            // bytes are compared all the same, eight at a time.
            if hashes[entry] == hash, offsets[entry + 1] - offsets[entry] == key.count,
                bytes.withUnsafeBufferPointer({ stored in
                    Self.equal(stored.baseAddress! + offsets[entry], key.baseAddress, key.count)
                })
            {
                return entry
            }
            slot = (slot + 1) & mask
        }
    }

    @inlinable
    static func equal(_ stored: UnsafePointer<UInt8>, _ key: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
        guard let key else { return count == 0 }
        var offset = 0
        while offset + 8 <= count {
            if UnsafeRawPointer(stored + offset).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(key + offset).loadUnaligned(as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < count {
            if stored[offset] != key[offset] { return false }
            offset += 1
        }
        return true
    }
}
