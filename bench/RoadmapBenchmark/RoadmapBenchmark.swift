import AmtswegCore
import AmtswegDemo
import AmtswegInterchange
import AmtswegServer
import AmtswegStore
import Foundation

/// The Fahrplan's performance targets: scheduling 500 initiatives with 2,000 dependencies over 60 units and 16
/// quarters in under 1 s, and the roadmap page (plan, charts, template) in under 200 ms without any cache. Run
/// `bench/roadmap-benchmark`. No reference tool schedules municipal roadmaps; the targets are absolute. Every
/// figure is the median of the runs; the scheduler is single-threaded by design.
@main
struct RoadmapBenchmark {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let runs = arguments.first.flatMap(Int.init) ?? 15
        // `--tenant-json FILE` also writes the generated tenant for `amtsweg import`, so that the script can time
        // the real page through a running server.
        let tenantJSON = arguments.firstIndex(of: "--tenant-json").flatMap {
            arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil
        }
        let start = Quarter(year: 2027, number: 1)!
        var roadmap = SyntheticRoadmap.make(seed: 2026, initiatives: 500, dependencies: 2_000, units: 60, start: start)
        roadmap.horizonQuarters = 16
        let dependencies = roadmap.initiatives.reduce(0) { $0 + $1.dependencies.count }
        let clock = ContinuousClock()
        func median(_ body: () throws -> Void) rethrows -> Duration {
            var times: [Duration] = []
            for _ in 0..<runs { times.append(try clock.measure(body)) }
            return times.sorted()[times.count / 2]
        }
        let facts = roadmap.initiatives.reduce(into: [ID<Initiative>: InitiativeFacts]()) {
            $0[$1.id] = InitiativeFacts(savedHoursPerYear: Double($1.risk * 100), casesPerYear: $1.efforts.count * 500)
        }
        var order: [ID<Initiative>] = []
        let scoring = median {
            order = Prioritizer(weights: .standard, today: start, horizonQuarters: 16).scores(
                roadmap.initiatives, facts: facts
            )
            .map(\.initiativeID)
        }
        var placed = 0
        let scheduling = try median {
            placed = try RoadmapScheduler(start: start, horizonQuarters: 16)
                .schedule(roadmap.initiatives, capacities: roadmap.capacities, priority: order).placements.count
        }
        print(
            "\(roadmap.initiatives.count) initiatives, \(dependencies) dependencies, 60 units × 16 quarters; median of \(runs) runs, one thread"
        )
        print("  priorities:  \(scoring)")
        print(
            "  scheduling:  \(scheduling)  (\(placed) placed; target under 1 s) \(scheduling < .seconds(1) ? "✔" : "✘")"
        )

        // The page: a tenant with those units and initiatives in a store, the plan computed from scratch and the
        // print document rendered (the same view model and charts as the page), every run without a cache.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roadmap-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await SQLMapRepository(
            engine: SQLiteEngine(path: folder.appendingPathComponent("b.sqlite").path))
        let map = TenantMap(
            tenant: Tenant(id: "bench", name: "Benchmarkstadt", ags: "01001000", population: 100_000),
            units: (0..<60).map { OrgUnit(id: ID("unit-\($0)"), name: "Einheit \($0)", kind: .amt) })
        try await store.saveTenant(map, processes: [], by: .local)
        try await store.saveRoadmap(
            roadmap, of: map.tenant.id,
            change: MapChange(action: "saveRoadmap", object: "roadmap", summary: "Benchmark"),
            by: .local)
        // The templates are loaded once, as the server does at start; everything else is computed anew each run.
        let renderer = try await RoadmapExport.Renderer(resources: ServerConfiguration.bundled)
        var pageTimes: [Duration] = []
        var planTimes: [Duration] = []
        var size = 0
        for _ in 0..<runs {
            let workspace = Workspace(repository: store)
            let began = clock.now
            let plan = try await RoadmapPlan.make(workspace: workspace, tenant: map.tenant.id, today: start.firstDay)
            planTimes.append(clock.now - began)
            let html = try renderer.printHTML(plan, map: map, stylesheet: "/static/amtsweg.css")
            pageTimes.append(clock.now - began)
            size = html.utf8.count
        }
        if let tenantJSON {
            try TenantDocument.encode(TenantContents(map: map, roadmap: roadmap)).write(
                to: URL(fileURLWithPath: tenantJSON))
        }
        let page = pageTimes.sorted()[pageTimes.count / 2]
        print("  of which store read and plan: \(planTimes.sorted()[planTimes.count / 2])")
        print(
            "  print document, uncached (store read, plan, charts, template; \(size / 1024) KB): \(page)  (target under 200 ms) \(page < .milliseconds(200) ? "✔" : "✘")"
        )
    }
}
