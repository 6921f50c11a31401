import AmtswegServer
import ArgumentParser
import Foundation

/// Print documents (the roadmap, the process handbook) as PDF: headless Chromium prints the HTML, which lies in
/// a local file with everything it needs, so nothing leaves the machine.
enum ChromiumPDF {
    static func print(_ html: String, to target: URL, chromium: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("amtsweg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("druckfassung.html")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(target.path)", page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw CLIError("\(chromium) ließ sich nicht starten (\(error)); für PDF wird Chromium gebraucht.")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: target.path) else {
            throw CLIError("\(chromium) konnte das PDF nicht schreiben (Exit \(process.terminationStatus)).")
        }
    }
}

/// The language of a print document, as `--language` takes it.
enum PrintLanguage: String, ExpressibleByArgument, CaseIterable {
    case de, en

    var language: Language { self == .en ? .english : .german }
}
