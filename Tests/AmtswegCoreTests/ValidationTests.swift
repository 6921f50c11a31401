@testable import AmtswegCore
import AmtswegDemo
import Testing

@Suite struct ValidationTests {
    static let tenant = Tenant(id: "t", name: "Teststadt", ags: "05315000", population: 1000)

    @Test func demoMapIsValid() {
        #expect(Musterstadt.map().validate() == [])
    }

    @Test func reportsEveryProblemNotOnlyTheFirst() {
        let map = TenantMap(
            tenant: Self.tenant,
            units: [
                OrgUnit(id: "a", name: "A", kind: .amt), OrgUnit(id: "a", name: "A2", kind: .amt),
                OrgUnit(id: "b", name: " ", kind: .amt, parentID: "missing"),
            ],
            positions: [Position(id: "p", title: "P", unitID: "nowhere", fte: 0)],
            flows: [
                InformationFlow(
                    id: "f", from: .unit("a"), to: .unit("a"), channel: .post, medium: .paper,
                    frequencyPerYear: -1)
            ])
        let causes = map.validate().map(\.cause)
        #expect(causes.contains(.duplicateID))
        #expect(causes.contains(.emptyName))
        #expect(causes.contains(.unknownReference(field: "parent", kind: .unit, id: "missing")))
        #expect(causes.contains(.unknownReference(field: "unit", kind: .unit, id: "nowhere")))
        #expect(causes.contains(.invalidNumber(field: "fte", value: "0.0")))
        #expect(causes.contains(.selfReference(field: "to")))
        #expect(causes.contains(.invalidNumber(field: "frequency", value: "-1")))
    }

    @Test func findsOrgCyclesOnceEach() {
        let map = TenantMap(
            tenant: Self.tenant,
            units: [
                OrgUnit(id: "a", name: "A", kind: .amt, parentID: "c"),
                OrgUnit(id: "b", name: "B", kind: .amt, parentID: "a"),
                OrgUnit(id: "c", name: "C", kind: .amt, parentID: "b"),
                OrgUnit(id: "d", name: "D", kind: .sachgebiet, parentID: "a"),
                OrgUnit(id: "e", name: "E", kind: .amt, parentID: "e"),
            ])
        let issues = map.validate()
        let cycles = issues.filter { if case .orgCycle = $0.cause { true } else { false } }
        #expect(cycles.count == 1)
        #expect(cycles.first?.id == "a")
        #expect(issues.contains(MapIssue(kind: .unit, id: "e", cause: .selfReference(field: "parent"))))
    }

    @Test func parentsComeFirstEvenWhenListedLast() {
        let map = TenantMap(
            tenant: Self.tenant,
            units: [
                OrgUnit(id: "z", name: "Z", kind: .sachgebiet, parentID: "m"),
                OrgUnit(id: "m", name: "M", kind: .amt, parentID: "a"),
                OrgUnit(id: "a", name: "A", kind: .dezernat),
            ])
        #expect(map.unitsParentsFirst().map(\.id) == ["a", "m", "z"])
    }

    @Test func rejectsUnknownTaskGroupsAndProductAreas() {
        let map = TenantMap(
            tenant: Self.tenant, units: [OrgUnit(id: "a", name: "A", kind: .amt)],
            duties: [Duty(id: "t", name: "T", unitID: "a", taskGroup: 9, productArea: "18")])
        let causes = map.validate().map(\.cause)
        #expect(causes.contains(.invalidTaskGroup(9)))
        #expect(causes.contains(.invalidProductArea("18")))
    }
}
