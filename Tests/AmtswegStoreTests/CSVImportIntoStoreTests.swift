import AmtswegCore
import AmtswegInterchange
import AmtswegDemo
import AmtswegStore
import Foundation
import Testing

/// The import path of `amtsweg import --units …`: load, merge, save. A bad file must leave the store exactly
/// as it was — checked by comparing exports before and after, not assumed.
@Suite struct CSVImportIntoStoreTests {
    static func importing(_ files: [CSVFile], into repository: SQLMapRepository) async throws {
        let merged = try CSVImporter.merge(files, into: try await repository.loadMap(of: Musterstadt.tenantID))
        try await repository.saveMap(merged, by: .local)
    }

    // MARK: - Bad files

    /// One bad file per case: what it is, the bytes, and the line and words the error must name.
    struct BadFile: Sendable, CustomTestStringConvertible {
        var label: String
        var kind: CSVKind
        var bytes: [UInt8]
        var line: Int?
        var cause: String
        var testDescription: String { label }

        init(_ label: String, _ kind: CSVKind, _ text: String, line: Int?, cause: String) {
            self.init(label, kind, Array(text.utf8), line: line, cause: cause)
        }

        init(_ label: String, _ kind: CSVKind, _ bytes: [UInt8], line: Int?, cause: String) {
            self.label = label
            self.kind = kind
            self.bytes = bytes
            self.line = line
            self.cause = cause
        }
    }

    static let badFiles: [BadFile] = [
        BadFile(
            "unknown column", .units, "id;name;kind;Kostenstelle\n10;Hauptamt;Amt;4711\n", line: 1,
            cause: "Unbekannte Spalte 'Kostenstelle'"),
        BadFile("missing required column", .units, "id;name\n10;Hauptamt\n", line: 1, cause: "Pflichtspalte 'kind'"),
        BadFile(
            "duplicate id", .units, "id;name;kind\n10;Hauptamt;Amt\n11;Personalamt;Amt\n10;Hauptamt neu;Amt\n", line: 4,
            cause: "kommt doppelt vor"),
        BadFile(
            "unknown reference", .positions, "id;title;unit\n10-1;Amtsleitung;D1\n99-1;Leitung;99\n", line: 3,
            cause: "Organisationseinheit '99'"),
        BadFile(
            "org cycle", .units, "id;name;kind;parent\nA;Amt A;Amt;C\nB;Amt B;Amt;A\nC;Amt C;Amt;B\n", line: 2,
            cause: "Kreis: A → C → B → A"),
        BadFile(
            "bad LeiKa key", .services, "id;name;leika;unit\ns;Hundesteuer;9910201300000;D1\n", line: 2,
            cause: "kein LeiKa-Schlüssel"),
        BadFile(
            "undefined Windows-1252 byte", .units,
            Array("id;name;kind\n10;Haupt".utf8) + [0x81] + Array("amt;Amt\n".utf8),
            line: 2, cause: "Zeichenkodierung"),
        BadFile(
            "mixed encodings", .units,
            Array("id;name;kind\n33;Bürgerbüro;Amt\n32;Stra".utf8) + [0xDF] + Array("e;Amt\n".utf8),
            line: 3, cause: "mischt UTF-8"),
        BadFile(
            "binary file", .units, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00], line: nil,
            cause: "keine Textdatei"),
        BadFile(
            "truncated in a quoted field", .units, "id;name;kind\n10;Hauptamt;Amt\n11;\"Personal", line: 3,
            cause: "nie geschlossen"),
        BadFile(
            "wrong number of fields", .units, "id;name;kind\n10;Hauptamt;Amt;zu viel\n", line: 2, cause: "4 Felder"),
        BadFile(
            "not a number", .positions, "id;title;unit;fte\n1;Leitung;D1;eins\n", line: 2,
            cause: "'eins' ist keine Zahl"),
        BadFile(
            "unknown unit kind", .units, "id;name;kind\n10;Hauptamt;Behörde\n", line: 2,
            cause: "'Behörde' ist kein zulässiger Wert"),
        BadFile("empty required field", .tasks, "id;name;unit\nA1;;D1\n", line: 2, cause: "Pflichtfeld 'name'"),
        BadFile("empty file", .flows, "", line: nil, cause: "leer"),
        BadFile(
            "ambiguous endpoint", .flows, "id;from;to;channel;medium;frequency\nF1;D1;nowhere;Post;Papier;3\n", line: 2,
            cause: "'nowhere'"),
        BadFile(
            "text after closing quote", .units, "id;name;kind\n10;\"Haupt\"amt;Amt\n", line: 2,
            cause: "Anführungszeichen"),
    ]

    /// Each bad file against the stored demo: the error names file, line and cause, and an export of the
    /// store afterwards is byte for byte the export before, with no new change-log entry.
    @Test(arguments: StoreFixture.engines, badFiles)
    func badFileIsRejectedAndStoreUnchanged(engine: StoreFixture.Engine, _ bad: BadFile) async throws {
        try await StoreFixture.with(engine) { store in
            try await store.repository.saveMap(Musterstadt.map(), by: .local)
            let before = try TenantDocument.encode(try await store.repository.loadMap(of: Musterstadt.tenantID))
            let changesBefore = try await store.repository.changes(of: Musterstadt.tenantID, limit: 100).count
            let file = CSVFile(kind: bad.kind, name: "bad-\(bad.kind.rawValue).csv", data: Data(bad.bytes))
            do {
                try await Self.importing([file], into: store.repository)
                Issue.record("accepted a bad file")
            } catch let error as CSVImportError {
                let problem = error.problems.first {
                    $0.message.contains(bad.cause) || $0.description.contains(bad.cause)
                }
                #expect(problem != nil, "expected '\(bad.cause)' in \(error.problems)")
                #expect(problem?.file == "bad-\(bad.kind.rawValue).csv")
                #expect(problem?.line == bad.line)
            }
            let after = try TenantDocument.encode(try await store.repository.loadMap(of: Musterstadt.tenantID))
            #expect(after == before)
            #expect(try await store.repository.changes(of: Musterstadt.tenantID, limit: 100).count == changesBefore)
        }
    }

    @Test(arguments: StoreFixture.engines) func oversizedFileIsRefusedAndStoreUnchanged(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            try await store.repository.saveMap(Musterstadt.map(), by: .local)
            let before = try TenantDocument.encode(try await store.repository.loadMap(of: Musterstadt.tenantID))
            let rows = (0..<100).map { "X\($0);Einheit \($0);Amt;D1" }.joined(separator: "\n")
            let file = CSVFile(kind: .units, name: "gross.csv", data: Data(("id;name;kind;parent\n" + rows).utf8))
            let stored = try await store.repository.loadMap(of: Musterstadt.tenantID)
            #expect {
                _ = try CSVImporter.merge([file], into: stored, maxBytesPerFile: 1_000)
            } throws: { error in
                (error as? CSVImportError)?.problems.first?.message.contains("größer als erlaubt") == true
            }
            let after = try TenantDocument.encode(try await store.repository.loadMap(of: Musterstadt.tenantID))
            #expect(after == before)
        }
    }

    @Test(arguments: StoreFixture.engines) func goodFileIsStored(engine: StoreFixture.Engine) async throws {
        try await StoreFixture.with(engine) { store in
            try await store.repository.saveMap(Musterstadt.map(), by: .local)
            let units = CSVFile(
                kind: .units, name: "units.csv",
                data: Data("id;name;kind;parent\n10.3;Bürgerservice digital;Sachgebiet;10\n".utf8))
            let flows = CSVFile(
                kind: .flows, name: "flows.csv",
                data: Data(
                    "id;from;to;object;channel;medium;frequency\nF-900;oe:10.3;33-2;Meldeschein;E-Akte;E-Akte;1.500\n"
                        .utf8))
            try await Self.importing([units, flows], into: store.repository)
            let map = try await store.repository.loadMap(of: Musterstadt.tenantID)
            #expect(map.units.contains { $0.id == "10.3" && $0.parentID == "10" })
            #expect(map.flows.first { $0.id == "F-900" }?.frequencyPerYear == 1500)
        }
    }
}
