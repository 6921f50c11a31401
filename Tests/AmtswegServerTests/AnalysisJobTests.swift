import AmtswegCore
import AmtswegServer
import AmtswegSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Discovery and conformance of a large log run as background jobs: the page and the API answer at once with
/// the job's progress, every other page keeps answering while the job computes, at most the configured number
/// compute at once, and the result is computed once and then served from the cache.
@Suite struct AnalysisJobTests {
    /// Holds background jobs until the test opens it, so the test looks at the server while a job runs —
    /// without guessing how long the computation takes.
    actor AnalysisGate {
        private var isOpen = false
        private var waiting: [CheckedContinuation<Void, Never>] = []

        func wait() async {
            if isOpen { return }
            await withCheckedContinuation { waiting.append($0) }
        }

        func open() {
            isOpen = true
            for continuation in waiting { continuation.resume() }
            waiting = []
        }
    }

    /// A building-permit log of `cases` cases: receipt, a check of completeness (repeated for about a third),
    /// the opinions of three offices in any order, an optional site visit, decision, notice. About 12 events a
    /// case, days apart.
    static func permitLog(cases: Int) -> String {
        var random = SplitMix64(seed: 17)
        var lines = ["case;activity;timestamp"]
        let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "yyyy-MM-dd HH:mm:ss"
        for number in 1...cases {
            var steps = ["Antrag eingegangen", "Vollständigkeit prüfen"]
            while Int.random(in: 0..<3, using: &random) == 0 {
                steps += ["Unterlagen nachfordern", "Vollständigkeit prüfen"]
            }
            steps += ["Stellungnahme Bauaufsicht", "Stellungnahme Umweltamt", "Stellungnahme Tiefbau"]
                .shuffled(using: &random)
            if Bool.random(using: &random) { steps.append("Ortstermin") }
            steps += ["Entscheidung treffen", "Bescheid versenden"]
            var time = start.addingTimeInterval(Double(number) * 3_600)
            for step in steps {
                time.addTimeInterval(Double(Int.random(in: 3_600...400_000, using: &random)))
                lines.append("permit-\(number);\(step);\(format.string(from: time))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func discoveryAndConformanceRunInTheBackgroundWhilePagesAnswer() async throws {
        let gate = AnalysisGate()
        let server = try await TestServer(holdAnalysisJob: { await gate.wait() }, analysisJobLimit: 1)
        let token = try await server.member("api", role: .processManagement).token
        let process = try #require(try await server.workspace.snapshot(of: try server.tenant).records.first).id
        let (workspace, tenant) = (server.workspace, try server.tenant)
        try await server.run { client in
            let csv = Self.permitLog(cases: 3_000)
            let location = try await client.execute(
                uri: "/api/v1/event-logs?file=bauantraege.csv&name=Bauanträge", method: .post,
                headers: .api(token, contentType: "text/csv"), body: ByteBuffer(string: csv)
            ) { response in
                #expect(response.status == .created, "\(response.text)")
                return try #require(response.headers[.location])
            }
            let logID = try #require(location.split(separator: "/").last).description
            func get(_ uri: String, api: Bool = false) async throws -> (HTTPResponse.Status, String, HTTPFields) {
                try await client.execute(uri: uri, method: .get, headers: api ? .api(token) : [:]) {
                    ($0.status, $0.text, $0.headers)
                }
            }
            func job(_ uri: String) async throws -> (HTTPResponse.Status, [String: Any]) {
                let (status, text, _) = try await get(uri, api: true)
                return (status, try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]))
            }

            // The log's page answers at once and shows the discovery's progress instead of the model.
            let (pageStatus, page, _) = try await get("/monitor/logs/\(logID)")
            #expect(pageStatus == .ok)
            #expect(page.contains("<progress") && page.contains("Wird im Hintergrund berechnet: 0 %"))
            #expect(!page.contains("model.svg"), "no picture of a model that does not exist yet")
            let statusHref = try #require(page.firstMatch(of: /data-job="([^"]+)"/)?.1).description

            // The API starts nothing new: the same job, 202 with its address, running.
            let (accepted, discovery) = try await job("/api/v1/event-logs/\(logID)/discovery")
            #expect(accepted == .accepted)
            #expect(discovery["state"] as? String == "running" && discovery["kind"] as? String == "discovery")
            let jobID = try #require(discovery["id"] as? String)
            #expect(statusHref == "/monitor/jobs/\(jobID)")
            let (_, _, headers) = try await get("/api/v1/event-logs/\(logID)/discovery", api: true)
            #expect(headers[.location] == "/api/v1/jobs/\(jobID)")
            #expect(try await get(statusHref).1 == #"{"state":"running","percent":0}"#)

            // Only one job computes at once: the conformance check waits in line.
            let conformanceURI = "/api/v1/event-logs/\(logID)/conformance?process=\(process)"
            let (queuedStatus, queued) = try await job(conformanceURI)
            #expect(queuedStatus == .accepted && queued["state"] as? String == "queued")
            let conformanceID = try #require(queued["id"] as? String)
            let (modelStatus, modelSVG, _) = try await get("/monitor/logs/\(logID)/model.svg")
            #expect(modelStatus == .accepted && modelSVG.contains("Wird im Hintergrund berechnet"))

            // While the job runs, every other page answers (the durations are printed, not asserted: a shared
            // machine's timing is no test result).
            for uri in ["/", "/map", "/map/flows", "/map/ist", "/processes", "/monitor", "/optimize", "/roadmap"] {
                let clock = ContinuousClock.now
                let (status, _, _) = try await get(uri)
                #expect(status == .ok, "\(uri)")
                print("\(uri) answered in \(ContinuousClock.now - clock) while the discovery ran")
            }
            #expect(try await job("/api/v1/jobs/\(jobID)").1["state"] as? String == "running")

            // Released: the discovery finishes, then the conformance check that waited.
            await gate.open()
            for id in [jobID, conformanceID] {
                var state = ""
                for _ in 0..<1_200 where state != "done" {
                    state = try await job("/api/v1/jobs/\(id)").1["state"] as? String ?? ""
                    if state != "done" { try await Task.sleep(for: .milliseconds(100)) }
                }
                #expect(state == "done", "\(id) finished")
            }
            let (doneStatus, done) = try await job("/api/v1/event-logs/\(logID)/discovery")
            #expect(doneStatus == .ok && done["id"] as? String == jobID && done["progress"] as? Double == 1)
            let result = try #require(done["discovery"] as? [String: Any])
            let tree = try #require(result["tree"] as? String)
            for activity in ["Antrag eingegangen", "Stellungnahme Umweltamt", "Ortstermin", "Bescheid versenden"] {
                #expect(tree.contains("'\(activity)'"), "\(activity) in \(tree)")
            }
            #expect((result["bpmn"] as? String)?.contains("<bpmndi:BPMNDiagram") == true)
            let (_, finishedPage, _) = try await get("/monitor/logs/\(logID)")
            #expect(finishedPage.contains("model.svg") && !finishedPage.contains("data-job"))
            let (svgStatus, svg, _) = try await get("/monitor/logs/\(logID)/model.svg")
            #expect(svgStatus == .ok && svg.contains("Umweltamt") && svg.contains("Ortstermin"))
            let conformance = try #require(try await job(conformanceURI).1["conformance"] as? [String: Any])
            #expect(conformance["process"] as? String == process.rawValue && conformance["fitness"] is Double)

            // Computed once: the page, the picture and the API asked several times, the audit log says once.
            let audit = try await workspace.accounts.auditLog(of: tenant, since: nil, limit: 200)
            #expect(audit.filter { $0.action == "runDiscovery" && $0.object == "eventLog:\(logID)" }.count == 1)
            #expect(audit.filter { $0.action == "runConformance" && $0.object == "eventLog:\(logID)" }.count == 1)
        }
    }

    @Test func unknownJobsAndBadFiltersAreRefused() async throws {
        let server = try await TestServer()
        let token = try await server.member("api", role: .processManagement).token
        try await server.run { client in
            for uri in ["/api/v1/jobs/job-unbekannt", "/monitor/jobs/job-unbekannt"] {
                try await client.execute(uri: uri, method: .get, headers: .api(token)) {
                    #expect($0.status == .notFound, "\(uri)")
                }
            }
            try await client.execute(
                uri: "/api/v1/event-logs/log-1/discovery?coverage=5", method: .get, headers: .api(token)
            ) { #expect($0.status == .badRequest) }
        }
    }
}
