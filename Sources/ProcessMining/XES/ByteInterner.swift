import Foundation

/// Turns repeated byte sequences (attribute keys, activity names, resources) into one shared `String` each,
/// without allocating on a repeat: an open-addressing table keyed by the bytes' FNV-1a hash.
struct ByteInterner {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var storage: [[UInt8]] = []
    private(set) var strings: [String] = []

    init(capacity: Int = 1_024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
    }

    /// The string for `bytes`, or `nil` if they are not valid UTF-8.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            if hashes[Int(entry)] == hash, storage[Int(entry)].count == bytes.count,
                storage[Int(entry)].withUnsafeBufferPointer({
                    memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0
                })
            {
                return strings[Int(entry)]
            }
            slot = (slot + 1) & mask
        }
        guard let string = String(validating: bytes, as: UTF8.self) else { return nil }
        slots[slot] = Int32(strings.count)
        hashes.append(hash)
        storage.append(Array(bytes))
        strings.append(string)
        if strings.count * 2 > slots.count { grow() }
        return string
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
