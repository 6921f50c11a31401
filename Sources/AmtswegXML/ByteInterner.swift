import Foundation

/// Turns repeated byte sequences (element and attribute names, activity names, resources) into one shared
/// `String` each, without allocating on a repeat: an open-addressing table keyed by the bytes' FNV-1a hash.
/// Each distinct sequence also gets a dense index, so callers can keep their own facts about it in an array.
public struct ByteInterner {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var storage: [[UInt8]] = []
    public private(set) var strings: [String] = []

    public init(capacity: Int = 1_024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
    }

    /// The string for `bytes`, or `nil` if they are not valid UTF-8.
    public mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        index(bytes).map { strings[$0] }
    }

    /// The dense index of `bytes` (new sequences get the next one), or `nil` if they are not valid UTF-8.
    public mutating func index(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == hash, holds(entry, bytes) { return entry }
            slot = (slot + 1) & mask
        }
        guard let string = String(validating: bytes, as: UTF8.self) else { return nil }
        let entry = strings.count
        slots[slot] = Int32(entry)
        hashes.append(hash)
        storage.append(Array(bytes))
        strings.append(string)
        if strings.count * 2 > slots.count { grow() }
        return entry
    }

    /// Whether entry `index` holds exactly `bytes`: a check without hashing, for a name whose entry is expected
    /// (an end tag names the element it closes).
    public func holds(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        storage[index].count == bytes.count
            && (bytes.isEmpty
                || storage[index].withUnsafeBufferPointer {
                    memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0
                })
    }

    /// FNV-1a over eight bytes at a time, then mixed so that the low bits (the table's slot) depend on every
    /// byte: names and values are hashed for every event, byte by byte was a tenth of reading a log.
    @usableFromInline
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) &* 0x100_0000_01b3
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(base[offset])) &* 0x100_0000_01b3
            offset += 1
        }
        hash ^= hash >> 32
        hash &*= 0x9E37_79B9_7F4A_7C15
        return hash ^ (hash >> 29)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
