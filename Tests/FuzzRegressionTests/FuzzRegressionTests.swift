import Foundation
import FuzzTargets
import Testing

/// Every input the fuzzer ever crashed on (`fuzz/crashes/TARGET/`), replayed through its reader: each must now
/// be answered with an error or a result, never a crash. A crash here ends the test process, naming the input
/// in the log below.
@Suite struct FuzzRegressionTests {
    static let crashes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fuzz/crashes")

    static func savedInputs() throws -> [(target: String, file: URL)] {
        let folders = try FileManager.default.contentsOfDirectory(
            at: crashes, includingPropertiesForKeys: nil, options: .skipsHiddenFiles)
        return try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(
                at: folder, includingPropertiesForKeys: nil, options: .skipsHiddenFiles
            ).map { (folder.lastPathComponent, $0) }
        }.sorted { $0.file.path < $1.file.path }
    }

    @Test func everySavedCrashInputIsAnsweredWithoutACrash() throws {
        let inputs = try Self.savedInputs()
        for (target, file) in inputs {
            let run = try #require(FuzzTargets.all[target], "fuzz/crashes/\(target) names no fuzz target")
            print("replaying \(target)/\(file.lastPathComponent)")
            run(try Data(contentsOf: file))
        }
        print("\(inputs.count) saved crash inputs replayed")
    }

    /// Each target is wired to its reader: empty input and a few bytes of every kind are errors, not crashes.
    @Test(arguments: FuzzTargets.all.keys.sorted()) func aTargetAnswersEmptyAndTinyInput(target: String) {
        let run = FuzzTargets.all[target]!
        for input in ["", "\n", "<", "\u{1F}\u{8B}", "--x\r\n", "{", "a;b\n1;2"] { run(Data(input.utf8)) }
    }
}
