import AmtswegCore
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

    @Test(arguments: [
        ("unknown column", CSVKind.units, "id;name;kind;Farbe\nX1;Neues Amt;Amt;blau\n"),
        ("duplicate id", .units, "id;name;kind;parent\nX1;Neues Amt;Amt;D1\nX1;Noch eins;Amt;D1\n"),
        ("unknown reference", .positions, "id;title;unit\nX-1;Leitung;X9\n"),
        ("org cycle", .units, "id;name;kind;parent\nD1;Dezernat I;Dezernat;10\n"),
        ("bad LeiKa", .services, "id;name;leika;unit\nneu;Neu;99123;33\n"),
        ("bad number", .flows, "id;from;to;channel;medium;frequency\nF-X;33-2;21-2;Post;Papier;viele\n"),
        ("truncated", .tasks, "id;name;unit\nA-X;\"Aufgabe"),
    ])
    func badFileLeavesStoreUnchanged(_ label: String, _ kind: CSVKind, _ text: String) async throws {
        try await StoreFixture.with { store in
            try await store.repository.saveMap(Musterstadt.map(), by: .local)
            let before = try TenantDocument.encode(try await store.repository.loadMap(of: Musterstadt.tenantID))
            let changesBefore = try await store.repository.changes(of: Musterstadt.tenantID, limit: 100).count
            await #expect(throws: CSVImportError.self, "\(label)") {
                try await Self.importing([CSVFile(kind: kind, name: "\(label).csv", data: Data(text.utf8))],
                                         into: store.repository)
            }
            let after = try TenantDocument.encode(try await store.repository.loadMap(of: Musterstadt.tenantID))
            #expect(after == before)
            #expect(try await store.repository.changes(of: Musterstadt.tenantID, limit: 100).count == changesBefore)
        }
    }

    @Test func goodFileIsStored() async throws {
        try await StoreFixture.with { store in
            try await store.repository.saveMap(Musterstadt.map(), by: .local)
            let units = CSVFile(kind: .units, name: "units.csv",
                                data: Data("id;name;kind;parent\n10.3;Bürgerservice digital;Sachgebiet;10\n".utf8))
            let flows = CSVFile(kind: .flows, name: "flows.csv", data: Data(
                "id;from;to;object;channel;medium;frequency\nF-900;oe:10.3;33-2;Meldeschein;E-Akte;E-Akte;1.500\n".utf8))
            try await Self.importing([units, flows], into: store.repository)
            let map = try await store.repository.loadMap(of: Musterstadt.tenantID)
            #expect(map.units.contains { $0.id == "10.3" && $0.parentID == "10" })
            #expect(map.flows.first { $0.id == "F-900" }?.frequencyPerYear == 1500)
        }
    }
}
