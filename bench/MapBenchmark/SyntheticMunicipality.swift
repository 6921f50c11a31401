import AmtswegSupport
import AmtswegCore

/// A large, deterministic synthetic municipality (a Land-wide shared service centre's scale) for benchmarks.
///
/// Shape: Dezernate → Ämter → Sachgebiete; each unit works mostly with units of its own Amt, some of its
/// Dezernat, a few central units (post, cash office, IT) and outside parties — so the unit network has the
/// sparse, clustered structure of a real administration rather than random noise.
struct SyntheticMunicipality {
    var units = 2_000
    var positions = 20_000
    var tasks = 50_000
    var flows = 200_000
    var seed: UInt64 = 0x5EED

    func make() -> TenantMap {
        var random = SplitMix64(seed: seed)
        let dezernate = 10, aemter = 100
        var unitList: [OrgUnit] = []
        for d in 0..<dezernate { unitList.append(OrgUnit(id: ID("D\(d)"), name: "Dezernat \(d)", kind: .dezernat)) }
        for a in 0..<aemter {
            unitList.append(
                OrgUnit(
                    id: ID("A\(a)"), name: "Amt \(a)", kind: .amt, parentID: ID("D\(a % dezernate)"),
                    officeNumber: "\(10 + a)"))
        }
        var s = 0
        while unitList.count < units {
            unitList.append(
                OrgUnit(id: ID("S\(s)"), name: "Sachgebiet \(s)", kind: .sachgebiet, parentID: ID("A\(s % aemter)")))
            s += 1
        }
        let amtOf: [Int] = unitList.indices.map { index in
            index < dezernate
                ? -1 : index < dezernate + aemter ? index - dezernate : (index - dezernate - aemter) % aemter
        }
        var unitsByAmt: [[Int]] = Array(repeating: [], count: aemter)
        for (index, amt) in amtOf.enumerated() where amt >= 0 { unitsByAmt[amt].append(index) }
        let central = [dezernate + 0, dezernate + 11, dezernate + 1]  // post office, cash office, IT

        let positionList: [Position] = (0..<positions).map { p in
            Position(
                id: ID("P\(p)"), title: "Stelle \(p)", unitID: unitList[p % units].id,
                fte: [0.5, 0.75, 1, 1, 1][p % 5], payGrade: "EG \(5 + p % 9)")
        }
        let dutyList: [Duty] = (0..<tasks).map { t in
            Duty(
                id: ID("T\(t)"), name: "Aufgabe \(t)", unitID: unitList[t % units].id, taskGroup: 1 + t % 8,
                productArea: String(format2(1 + t % 17)))
        }
        let externals = (0..<20).map { e in
            ExternalParty(id: ID("X\(e)"), name: "Extern \(e)", kind: [.citizen, .business, .authority][e % 3])
        }
        let objects = (0..<50).map { InformationObject(id: ID("O\($0)"), name: "Informationsobjekt \($0)") }
        let channels = Channel.allCases, media = Medium.allCases

        func endpoint(_ unit: Int) -> FlowEndpoint {
            // Two in three flows name a position of the unit, the rest only the unit.
            random.next(below: 3) == 0
                ? .unit(unitList[unit].id)
                : .position(positionList[unit + units * random.next(below: positions / units)].id)
        }
        var flowList: [InformationFlow] = []
        flowList.reserveCapacity(flows)
        for f in 0..<flows {
            let from = dezernate + random.next(below: units - dezernate)
            let roll = random.next(below: 100)
            let to: FlowEndpoint
            if roll < 10 {
                to = .external(externals[random.next(below: externals.count)].id)
            } else {
                let amt = amtOf[from]
                let partner: Int =
                    if roll < 60 { unitsByAmt[amt][random.next(below: unitsByAmt[amt].count)] } else if roll < 80 {
                        central[random.next(below: central.count)]
                    } else {
                        // A unit of a neighbouring Amt in the same Dezernat.
                        unitsByAmt[(amt + 10 * (1 + random.next(below: 9))) % aemter].randomElement(using: &random)!
                    }
                to = partner == from ? .unit(unitList[central[0]].id) : endpoint(partner)
            }
            let sender = endpoint(from)
            flowList.append(
                InformationFlow(
                    id: ID("F\(f)"), from: sender, to: to == sender ? .external(externals[0].id) : to,
                    objectID: objects[random.next(below: objects.count)].id,
                    channel: channels[random.next(below: channels.count)],
                    medium: media[random.next(below: media.count)],
                    frequencyPerYear: 1 + random.next(below: 5_000)))
        }
        var responsibilities: [Responsibility] = []
        for (t, duty) in dutyList.enumerated() {
            let lead = positionList[t % units].id
            if t % 17 != 0 {
                responsibilities.append(Responsibility(dutyID: duty.id, assignee: .position(lead), kind: .accountable))
            }
            if t % 23 != 0 {
                let doer = positionList[t % units + units * (1 + t % (positions / units - 1))].id
                responsibilities.append(Responsibility(dutyID: duty.id, assignee: .position(doer), kind: .responsible))
            }
        }
        var awareness = Set<UnitAwareness>()
        for unit in stride(from: dezernate, to: units, by: 2) {
            for _ in 0..<10 {
                let known = random.next(below: units)
                if known != unit {
                    awareness.insert(UnitAwareness(unitID: unitList[unit].id, knownUnitID: unitList[known].id))
                }
            }
        }
        let entryPoints = (0..<4_000).map { e in
            EntryPoint(
                id: ID("E\(e)"), unitID: unitList[dezernate + e % (units - dezernate)].id,
                channel: channels[e % channels.count], volumePerYear: 10 + e % 900)
        }
        return TenantMap(
            tenant: Tenant(id: "synthetisch", name: "Synthetischer Landkreis", ags: "05315000", population: 2_000_000),
            units: unitList, positions: positionList, roles: [], duties: dutyList, services: [],
            informationObjects: objects, externalParties: externals, flows: flowList, entryPoints: entryPoints,
            responsibilities: responsibilities, awareness: Array(awareness), findings: [])
    }

    private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
