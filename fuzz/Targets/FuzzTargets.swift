import AmtswegCore
import AmtswegInterchange
import AmtswegSupport
import BPMN
import FIM
public import Foundation
import ProcessMining

/// Every reader that takes a file from a user, as a function of bytes: what the libFuzzer runner (`fuzz/run`)
/// drives, and what the test run replays the saved crash inputs (`fuzz/crashes/TARGET/`) through.
///
/// Errors are the expected answer to bad input and are ignored; a crash, a leak or a hang is a finding.
public enum FuzzTargets {
    public static let all: [String: @Sendable (Data) -> Void] = [
        "bpmn": { data in _ = try? BPMNReader.read(data, file: "fuzz.bpmn") },
        // The fast path, falling back to the XML parser where it gives up.
        "xes": { data in _ = try? XESReader.read(data, file: "fuzz.xes", maxBytes: maxInflated) },
        // The XML parser's path on its own, whatever the fast path accepts.
        "xes-general": { data in _ = try? XESReader.readWithXMLParser(data, file: "fuzz.xes", maxBytes: maxInflated) },
        "csv-log": { data in _ = try? CSVLogReader.read(data, file: "fuzz.csv") },
        "csv-map": { data in
            // The first byte chooses which kind of organisation export the rest is read as.
            guard let first = data.first else { return }
            let kind = CSVKind.allCases[Int(first) % CSVKind.allCases.count]
            let file = CSVFile(kind: kind, name: "fuzz.csv", data: data.dropFirst())
            _ = try? CSVImporter.merge([file], into: emptyMap)
        },
        "pnml": { data in _ = try? PNMLReader.read(data, file: "fuzz.pnml") },
        "tenant-json": { data in _ = try? TenantDocument.decodeContents(data, file: "fuzz.json") },
        "multipart": { data in
            // The first line is the boundary (as the Content-Type header would give it), the rest the body.
            guard let newline = data.firstIndex(of: 0x0A) else { return }
            let boundary = String(decoding: data[data.startIndex..<newline].prefix(70), as: UTF8.self)
            _ = try? MultipartBody.parts(
                of: data[(newline + 1)...], boundary: boundary, maxParts: 500, maxPartHeaderBytes: 8 << 10)
        },
        "xprozess": { data in _ = try? XProzessReader.read(data, file: "fuzz.xml") },
    ]

    /// What a compressed input may inflate to: large enough for any input the fuzzer makes, small enough that
    /// a bomb is refused before it exhausts the fuzzer's memory limit.
    static let maxInflated = 64 << 20

    static let emptyMap = TenantMap(tenant: Tenant(id: "fuzz", name: "Fuzz", ags: "00000000", population: 0))
}
