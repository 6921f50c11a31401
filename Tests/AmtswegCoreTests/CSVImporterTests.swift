@testable import AmtswegCore
@testable import AmtswegInterchange
import Foundation
import Testing

@Suite struct CSVImporterTests {
    static let base = TenantMap(
        tenant: Tenant(id: "t", name: "Teststadt", ags: "05315000", population: 1000),
        units: [OrgUnit(id: "D1", name: "Dezernat I", kind: .dezernat)])

    static func file(_ kind: CSVKind, _ text: String, name: String? = nil) -> CSVFile {
        CSVFile(kind: kind, name: name ?? "\(kind.rawValue).csv", data: Data(text.utf8))
    }

    static let units = """
        id;name;kind;parent;office_number
        10;Hauptamt;Amt;D1;10
        10.1;"Organisation; IT";Sachgebiet;10;
        32;Ordnungsamt;amt;D1;32
        """

    @Test func importsAGermanExcelExport() throws {
        let positions =
            "Stellennummer;Stellenbezeichnung;Einheit;VZÄ;Entgeltgruppe;Rolle\r\n"
            + "10-1;Amtsleitung;10;1,0;A 15;Leitung\r\n10.1-1;\"IT-Administration\r\n(2. Ebene)\";10.1;0,5;EG 10;\r\n"
            + "32-1;Amtsleitung Ordnung;32;1;A 14;Leitung\r\n"
        let tasks = "id;name;unit;task_group;product_area\nA1;Posteingang;10;1;1\n"
        let services = "id;name;leika;unit;Fallzahl\ngewerbe;Gewerbe anmelden;99050012104000;32;1.570\n"
        let externals = "id;name;kind\nbuerger;Bürgerinnen und Bürger;Bürger\n"
        let flows = """
            id;von;an;Informationsobjekt;Kanal;Medium;Häufigkeit;Leistung;Bemerkung
            F1;buerger;32-1;Gewerbeanzeige;Schalter;Papier;1.200;gewerbe;
            F2;stelle:32-1;oe:10;Gewerbeanzeige;E-Mail;E-Mail;"1.200";;"mehrzeilige
            Bemerkung"
            """
        let map = try CSVImporter.merge(
            [
                Self.file(.flows, flows), Self.file(.units, Self.units), Self.file(.positions, positions),
                Self.file(.tasks, tasks), Self.file(.services, services), Self.file(.externals, externals),
            ], into: Self.base)
        #expect(map.units.count == 4)
        #expect(map.units.first { $0.id == "10.1" }?.name == "Organisation; IT")
        #expect(map.units.first { $0.id == "32" }?.kind == .amt)
        #expect(map.positions.first { $0.id == "10.1-1" }?.title == "IT-Administration\n(2. Ebene)")
        #expect(map.positions.first { $0.id == "10.1-1" }?.fte == 0.5)
        #expect(map.roles.first { $0.id == "Leitung" }?.positionIDs == ["10-1", "32-1"])
        #expect(map.duties.first?.productArea == "01")
        #expect(map.services.first?.casesPerYear == 1_570)
        #expect(map.flows.first { $0.id == "F1" }?.from == .external("buerger"))
        #expect(map.flows.first { $0.id == "F1" }?.frequencyPerYear == 1200)
        #expect(map.flows.first { $0.id == "F2" }?.to == .unit("10"))
        #expect(map.flows.first { $0.id == "F2" }?.note == "mehrzeilige\nBemerkung")
        #expect(map.informationObjects.map(\.name) == ["Gewerbeanzeige"])
        #expect(map.validate() == [])
    }

    @Test func readsCommaSeparatedUTF8WithBOM() throws {
        let text = "\u{FEFF}id,name,kind,parent\n10,Hauptamt,Amt,D1\n11,\"Personal, Organisation\",Amt,D1\n"
        let map = try CSVImporter.merge([Self.file(.units, text)], into: Self.base)
        #expect(map.units.map(\.name).sorted() == ["Dezernat I", "Hauptamt", "Personal, Organisation"])
    }

    @Test func readsWindows1252() throws {
        // "Bürgerbüro" and "Straßenverkehr – Sondernutzung" as German Excel saves them.
        var bytes =
            Array("id;name;kind;parent\n33;B".utf8) + [0xFC] + Array("rgerb".utf8) + [0xFC] + Array("ro;Amt;D1\n".utf8)
        bytes +=
            Array("32.2;Stra".utf8) + [0xDF] + Array("enverkehr ".utf8) + [0x96]
            + Array(" Sondernutzung;Sachgebiet;D1\n".utf8)
        let map = try CSVImporter.merge([CSVFile(kind: .units, name: "units.csv", data: Data(bytes))], into: Self.base)
        #expect(map.units.first { $0.id == "33" }?.name == "Bürgerbüro")
        #expect(map.units.first { $0.id == "32.2" }?.name == "Straßenverkehr – Sondernutzung")
    }

    @Test func updatesStoredObjectsWithTheSameID() throws {
        let map = try CSVImporter.merge(
            [Self.file(.units, "id;name;kind\nD1;Dezernat Eins;Dezernat\n")], into: Self.base)
        #expect(map.units.count == 1)
        #expect(map.units[0].name == "Dezernat Eins")
    }

    @Test func reportsProblemsOfAllRowsAndFilesTogether() {
        let units = Self.file(.units, "id;name;kind\n10;Hauptamt;Amt\n11;;Amt\n12;X;Ebene\n")
        let services = Self.file(.services, "id;name;leika;unit\ns;S;123;10\n")
        do {
            _ = try CSVImporter.merge([units, services], into: Self.base)
            Issue.record("accepted bad files")
        } catch {
            #expect(error.problems.map(\.line) == [3, 4, 2])
            #expect(error.description.contains("nichts wurde gespeichert"))
        }
    }

    @Test func reportsRowAndReferenceProblemsTogetherWithoutEchoes() {
        let units = Self.file(.units, "id;name;kind;parent\nX;Neu;Amt;gibt-es-nicht\nY;Neu2;Behörde;D1\n")
        // Y is refused for its kind; a position in Y must not add a second, misleading "unknown unit" error.
        let positions = Self.file(.positions, "id;title;unit\nY-1;Leitung;Y\n")
        do {
            _ = try CSVImporter.merge([units, positions], into: Self.base)
            Issue.record("accepted bad files")
        } catch {
            #expect(error.problems.map(\.line) == [3, 2])
            #expect(error.problems[0].message.contains("'Behörde'"))
            #expect(error.problems[1].message.contains("'gibt-es-nicht'"))
        }
    }

    @Test func hugeFileStaysLinear() throws {
        // 20,000 units under one parent: an accidental quadratic step would take minutes.
        let rows = (0..<20_000).map { "U\($0);Einheit \($0);Sachgebiet;D1" }.joined(separator: "\n")
        let map = try CSVImporter.merge([Self.file(.units, "id;name;kind;parent\n" + rows)], into: Self.base)
        #expect(map.units.count == 20_001)
    }
}

@Suite struct GermanNumberTests {
    @Test func readsGermanAndEnglishNumbers() {
        #expect(GermanNumber.decimal("0,5") == 0.5)
        #expect(GermanNumber.decimal("1.234,5") == 1234.5)
        #expect(GermanNumber.decimal("0.75") == 0.75)
        #expect(GermanNumber.decimal("") == nil)
        #expect(GermanNumber.decimal("nan") == nil)
        #expect(GermanNumber.integer("1.200") == 1200)
        #expect(GermanNumber.integer("1 200") == 1200)
        #expect(GermanNumber.integer("12,0") == 12)
        #expect(GermanNumber.integer("1.5") == nil)
        #expect(GermanNumber.integer("12.34") == nil)
    }
}
