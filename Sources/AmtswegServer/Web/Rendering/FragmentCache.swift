import Synchronization

/// Rendered pieces of pages, kept by the value they were rendered from — so a piece is never stale and needs no
/// invalidation: a changed value is a different key. Rails calls this Russian-doll caching.
///
/// A process page shows every comment on the process; after a new comment the page is rendered anew, and without
/// this it rendered every thread again (under the cluster benchmark, pages of 150 threads took 35 ms, of which
/// 30 ms for threads that had not changed). Bounded: when full, everything kept is dropped and kept anew.
final class FragmentCache<Key: Hashable & Sendable>: Sendable {
    private let kept = Mutex<[Key: String]>([:])
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The piece kept for `key`, or the one `render` makes, then kept.
    func fragment(_ key: Key, render: () throws -> String) rethrows -> String {
        if let html = kept.withLock({ $0[key] }) { return html }
        let html = try render()
        kept.withLock { kept in
            if kept.count >= capacity { kept.removeAll(keepingCapacity: true) }
            kept[key] = html
        }
        return html
    }
}

/// HTML that Amtsweg rendered from a template (every value escaped there), placed into a page unescaped.
struct RenderedHTML: Sendable {
    var html: String
}
