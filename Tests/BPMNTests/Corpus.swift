import Foundation

/// The shared test corpus beside the project (`../shared/corpus`), or `AMTSWEG_CORPUS` if set.
/// Corpus tests skip with a notice when it is absent, as it is on a user's fresh clone.
enum Corpus {
    static let root: URL? = {
        let candidates = [
            ProcessInfo.processInfo.environment["AMTSWEG_CORPUS"].map { URL(fileURLWithPath: $0) },
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus"),
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    static var isAvailable: Bool {
        if root == nil { print("Hinweis: ../shared/corpus fehlt – Korpus-Tests werden übersprungen.") }
        return root != nil
    }

    static func file(_ path: String) -> URL? { root?.appendingPathComponent(path) }
}
