import AmtswegCore
import AmtswegInterchange
import AmtswegStore
import Foundation

/// Issue 2's targets on this 2-core machine: a municipality of 2,000 units, 20,000 positions, 50,000 tasks
/// and 200,000 flows imports from JSON in under 10 s, and the seven Ist-Analyse views compute in under 2 s.
///
/// Run `bench/map-benchmark` (release build). It also writes the unit network's edges so that the script
/// can time networkx's betweenness on the same graph and check our values against it.
@main
struct MapBenchmark {
    static func main() async throws {
        let arguments = CommandLine.arguments
        let edgesPath = arguments.firstIndex(of: "--edges").map { arguments[$0 + 1] }
        let clock = ContinuousClock()
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }

        let map = SyntheticMunicipality().make()
        let issues = map.validate()
        guard issues.isEmpty else {
            print("synthetic map is invalid (\(issues.count) issues), first: \(issues.prefix(5).map(\.description))")
            return
        }
        let json = try TenantDocument.encode(map)
        let jsonFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "amtsweg-bench-\(UUID().uuidString).json")
        try json.write(to: jsonFile)
        defer { try? FileManager.default.removeItem(at: jsonFile) }
        print(
            "Synthetic municipality: \(map.units.count) units, \(map.positions.count) positions, \(map.duties.count) tasks, "
                + "\(map.flows.count) flows, \(map.responsibilities.count) RACI entries; JSON \(json.count / 1_000_000) MB"
        )

        // Import: read the file, decode, validate and store in a new SQLite file — what `amtsweg import` does.
        let engine = try await SQLiteEngine.temporary()
        defer { engine.removeFiles() }
        let repository = try await SQLMapRepository(engine: engine)
        var decodeTime = Duration.zero
        let importTime = try await clock.measure {
            let started = clock.now
            let decoded = try TenantDocument.decode(try Data(contentsOf: jsonFile), file: jsonFile.path)
            decodeTime = clock.now - started
            try await repository.saveMap(decoded, by: .local)
        }
        print(
            String(
                format: "import from JSON:      %6.2f s  (decode %.2f s, validate+store %.2f s)  target < 10 s  %@",
                seconds(importTime), seconds(decodeTime), seconds(importTime - decodeTime),
                seconds(importTime) < 10 ? "met" : "MISSED"))

        let validateTime = clock.measure { _ = map.validate() }
        print(String(format: "  of which validation:  %6.2f s", seconds(validateTime)))

        var loaded: TenantMap?
        let loadTime = try await clock.measure { loaded = try await repository.loadMap(of: map.tenant.id) }
        print(String(format: "load from SQLite:      %6.2f s  (not a target)", seconds(loadTime)))
        precondition(loaded == map.sorted(), "stored map must equal the generated one")

        var analysis: IstAnalysis?
        let analysisTime = clock.measure { analysis = IstAnalysis(loaded!) }
        print(
            String(
                format: "seven Ist views:       %6.2f s  target < 2 s  %@", seconds(analysisTime),
                seconds(analysisTime) < 2 ? "met" : "MISSED"))
        let network = analysis!.interactionNetwork.view
        print(
            "  network: \(network.nodes.count) units, \(network.edges.count) edges, \(network.hubs.count) hubs; "
                + "matrix cells \(analysis!.interactionMatrix.view.cells.count)")

        if arguments.contains("--per-view") {
            let index = MapIndex(loaded!)
            let views: [(String, () -> Void)] = [
                ("index", { _ = MapIndex(loaded!) }),
                ("matrix", { _ = InteractionMatrix(index) }), ("network", { _ = InteractionNetwork(index) }),
                ("interfaces", { _ = InterfaceOverview(index) }), ("entry points", { _ = EntryPointOverview(index) }),
                ("needs", { _ = InformationNeeds(index) }), ("raci", { _ = RACICompleteness(index) }),
                ("transparency", { _ = TaskTransparency(index) }),
            ]
            for (name, compute) in views {
                print(String(format: "  %-14@ %6.3f s", name, seconds(clock.measure(compute))))
            }
        }
        if let edgesPath {
            let betweennessTime = clock.measure { _ = InteractionNetwork(MapIndex(loaded!)) }
            var lines = ["# seconds \(seconds(betweennessTime))"]
            lines += network.edges.map { "\($0.a.rawValue) \($0.b.rawValue)" }
            lines += network.nodes.map { "= \($0.unit.id.rawValue) \($0.betweenness)" }
            try lines.joined(separator: "\n").write(toFile: edgesPath, atomically: true, encoding: .utf8)
        }
    }
}
