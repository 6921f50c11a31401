import AmtswegCore
import AmtswegDemo
import AmtswegInterchange
import FIM
import Foundation
import Testing
import TestSupport

@Suite struct OZGCatalogueTests {
    static let snapshot = OZGCatalogue.Snapshot(source: "OZG-Umsetzungskatalog (Test)", asOf: Day("2019-12-20"))

    static func corpusCatalogue() throws -> OZGCatalogue {
        try OZGCatalogueReader.read(directory: try #require(Corpus.file("catalogs/ozg")), snapshot: snapshot)
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"))
    func theCorpusCatalogueHasItsFourLevels() throws {
        let catalogue = try Self.corpusCatalogue()
        #expect(catalogue.topics.count == 14)
        #expect(catalogue.situations.count == 55)
        #expect(catalogue.services.count == 557)
        #expect(catalogue.entries.count == 5_249)
        #expect(catalogue.problems().isEmpty)
        let entry = try #require(OZGIndex(catalogue).placement(of: LeiKaKey("99012001000000")!))
        #expect(entry.entry.name == "Abbruchgenehmigung")
        #expect(entry.service?.name == "Abbruchgenehmigung")
        #expect(entry.topic?.name == "Bauen & Wohnen")
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"))
    func readingTheSameCatalogueTwiceChangesNothing() throws {
        let first = try Self.corpusCatalogue()
        let second = try Self.corpusCatalogue()
        let changes = second.changes(from: first)
        #expect(changes.isEmpty)
        #expect(changes.summary == "keine Änderungen")
        let fresh = first.changes(from: nil)
        #expect(fresh.topics.added == 14 && fresh.situations.added == 55 && fresh.services.added == 557)
        #expect(fresh.entries.added == 5_249)
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"))
    func everyMusterstadtServiceResolvesToItsOZGService() throws {
        let index = OZGIndex(try Self.corpusCatalogue())
        let services = Musterstadt.map().services
        #expect(services.count > 10)
        for service in services {
            let placement = try #require(index.placement(of: service.leikaKey), "\(service.name)")
            #expect(placement.service != nil, "\(service.name) has no OZG-Leistung")
            #expect(placement.topic != nil, "\(service.name) has no Themenfeld")
        }
    }

    @Test func legalBasesAreReadWithTheirAddresses() {
        let references = LeiKaEntry.legalReferences(
            in: "§ 71 Absatz 2 BBiG [http://a.example/71], §§ 37 ff. BBiG [http://a.example/37], Satzung der Stadt")
        #expect(
            references == [
                .init(name: "§ 71 Absatz 2 BBiG", url: "http://a.example/71"),
                .init(name: "§§ 37 ff. BBiG", url: "http://a.example/37"),
                .init(name: "Satzung der Stadt", url: nil),
            ])
        #expect(LeiKaEntry.legalReferences(in: "").isEmpty)
    }

    static func files(entries: String) -> [OZGCatalogueReader.File: Data] {
        [
            .topics: Data("themenfeld_id,themenfeld\n2,Bauen & Wohnen\n".utf8),
            .situations: Data("lage_id,lage,themenfeld_id\n7,Bauen,2\n".utf8),
            .services: Data("ozg_id,ozg_leistung,lage_id\n10513,Abbruchgenehmigung,7\n".utf8),
            .entries: Data(
                ("leistungsschluessel,leistungsbezeichnung,leika_typ,rechtsgrundlagen,gesetze,gesetz_kuerzel,"
                    + "sdg1_relevant,sdg2_relevant,ozg_id\n" + entries).utf8),
        ]
    }

    @Test func aReImportReportsWhatChanged() throws {
        let old = try OZGCatalogueReader.read(
            Self.files(entries: "99012001000000,Abbruchgenehmigung,4,,,,0,0,10513\n"), snapshot: Self.snapshot)
        let new = try OZGCatalogueReader.read(
            Self.files(
                entries: "99012001000000,Abbruch einer baulichen Anlage,4,,,,0,0,10513\n"
                    + "99012008000000,Baugenehmigung,4,,,,1,0,10513\n"),
            snapshot: Self.snapshot)
        let changes = new.changes(from: old)
        #expect(changes.entries.added == 1 && changes.entries.changed == 1 && changes.entries.removed == 0)
        #expect(changes.summary == "LeiKa-Leistungen: 1 neu, 1 geändert")
    }

    @Test func badRowsAreAllNamedWithFileAndLineAndNothingIsReturned() {
        #expect {
            try OZGCatalogueReader.read(
                Self.files(
                    entries: "12345,Kaputt,4,,,,0,0,10513\n99012008000000,Baugenehmigung,4,,,,ja,0,10513\n"
                        + "99012009000000,Andere,4,,,,0,0,99999\n"),
                snapshot: Self.snapshot)
        } throws: { error in
            let text = "\(error)"
            return text.contains("leika_leistungen_ozg_mapping.csv:2: „12345“ ist kein LeiKa-Schlüssel")
                && text.contains("leika_leistungen_ozg_mapping.csv:3: Spalte „sdg1_relevant“: „ja“ ist weder 0 noch 1")
                && text.contains("OZG-Leistung 99999 fehlt")
        }
    }

    @Test func aMissingColumnOrFileIsNamed() {
        var files = Self.files(entries: "")
        files[.services] = Data("ozg_id,name\n1,x\n".utf8)
        files[.topics] = nil
        #expect {
            try OZGCatalogueReader.read(files, snapshot: Self.snapshot)
        } throws: { error in
            let text = "\(error)"
            return text.contains("ozg_themenfelder.csv: Die Datei fehlt.")
                && text.contains("ozg_leistungen.csv:1: Spalten fehlen: ozg_leistung, lage_id")
        }
    }

    @Test func binaryAndTruncatedFilesAreRefused() {
        var files = Self.files(entries: "")
        files[.topics] = Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])
        files[.situations] = Data("lage_id,lage,themenfeld_id\n7,\"Bauen,2\n".utf8)
        #expect {
            try OZGCatalogueReader.read(files, snapshot: Self.snapshot)
        } throws: { error in
            let text = "\(error)"
            return text.contains("ozg_themenfelder.csv: Die Datei ist keine Textdatei")
                && text.contains("ozg_lagen.csv:2: Ein Anführungszeichen wird geöffnet")
        }
    }
}
