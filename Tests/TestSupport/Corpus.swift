public import Foundation

/// The shared test corpus beside the project (`../shared/corpus`), or `AMTSWEG_CORPUS` if set.
/// Corpus tests skip with a notice when it is absent, as it is on a user's fresh clone.
public enum Corpus {
    public static let root: URL? = {
        let candidates = [
            ProcessInfo.processInfo.environment["AMTSWEG_CORPUS"].map { URL(fileURLWithPath: $0) },
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus"),
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    public static var isAvailable: Bool {
        if root == nil { print("Hinweis: ../shared/corpus fehlt – Korpus-Tests werden übersprungen.") }
        return root != nil
    }

    public static func file(_ path: String) -> URL? { root?.appendingPathComponent(path) }

    /// Every `.bpmn` file of the corpus, in path order.
    public static var bpmnFiles: [URL] {
        guard let folder = file("bpmn") else { return [] }
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "bpmn" }.sorted {
            $0.path < $1.path
        }
    }

    /// The four GenMyModel exports with Latin-1 bytes in a UTF-8 document: real malformed input.
    public static let malformedBPMN: Set<String> = [
        "GenMyModel 0.47/C.1.0-export.bpmn", "GenMyModel 0.47/C.1.0-roundtrip.bpmn",
        "GenMyModel 0.47/C.1.1-export.bpmn", "GenMyModel 0.47/C.1.1-roundtrip.bpmn",
    ]

    /// "Tool folder/file name", as the corpus README names files.
    public static func relativeName(_ url: URL) -> String { url.pathComponents.suffix(2).joined(separator: "/") }
}
