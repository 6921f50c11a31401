import AmtswegCore
import AmtswegServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The roadmap through the API: a valid initiative is scheduled, a bad one is refused naming each problem and
/// changes nothing, a cycle is named.
@Suite struct RoadmapAPITests {
    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func initiativesAreCreatedScheduledAndBadOnesRefused() async throws {
        let server = try await TestServer()
        let token = try await server.member("planerin", role: .processManagement).token
        try await server.run { client in
            let good =
                #"{"id":"api-m1","title":"Schnittstelle Kasse","efforts":[{"unitID":"21","personDays":5}],"dependencies":["M09"],"status":"planned"}"#
            try await client.execute(
                uri: "/api/v1/roadmap/initiatives", method: .post, headers: .api(token), body: ByteBuffer(string: good)
            ) { #expect($0.status == .created, "\($0.text)") }
            try await client.execute(uri: "/api/v1/roadmap/schedule", method: .get, headers: .api(token)) { response in
                #expect(response.status == .ok)
                let placements = try #require(try Self.json(response)["placements"] as? [[String: Any]])
                let mine = try #require(placements.first { $0["initiative"] as? String == "api-m1" })
                let e_akte = try #require(placements.first { $0["initiative"] as? String == "M09" })
                #expect((mine["start"] as? String ?? "") > (e_akte["end"] as? String ?? "~"), "after its dependency")
            }
            let bad =
                #"{"id":"api-m2","title":"Kaputt","goalIDs":["Z99"],"efforts":[{"unitID":"21","personDays":-3}],"earliestStart":"2030-Q1","deadline":"2029-01-01"}"#
            try await client.execute(
                uri: "/api/v1/roadmap/initiatives", method: .post, headers: .api(token), body: ByteBuffer(string: bad)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let errors = try #require(try Self.json(response)["errors"] as? [String: [String]])
                let problems = try #require(errors["roadmap"])
                #expect(problems.count == 3, "\(problems)")
                #expect(problems.contains { $0.contains("„Z99“") })
                #expect(problems.contains { $0.contains("-3") })
                #expect(problems.contains { $0.contains("Frist 2029-01-01") })
            }
            let cycle = #"{"id":"M09-vorher","title":"Kreis","dependencies":["M01"]}"#
            try await client.execute(
                uri: "/api/v1/roadmap/initiatives", method: .post, headers: .api(token), body: ByteBuffer(string: cycle)
            ) { #expect($0.status == .created, "a dependency on M01 alone is no cycle") }
            try await client.execute(uri: "/api/v1/roadmap/initiatives?limit=500", method: .get, headers: .api(token)) {
                response in
                let items = try #require(try Self.json(response)["items"] as? [[String: Any]])
                #expect(!items.contains { $0["id"] as? String == "api-m2" }, "nothing of the refused one is stored")
                #expect(items.contains { $0["id"] as? String == "api-m1" })
            }
        }
    }

    @Test func aMeasurementPointIsRecordedOncePerDay() async throws {
        let server = try await TestServer()
        let token = try await server.member("planerin", role: .processManagement).token
        try await server.run { client in
            try await client.execute(uri: "/api/v1/roadmap/measurements", method: .post, headers: .api(token)) {
                response in
                #expect(response.status == .created)
                let recorded = try Self.json(response)["recorded"] as? Bool
                #expect(recorded == true)
            }
            try await client.execute(uri: "/api/v1/roadmap/measurements", method: .post, headers: .api(token)) {
                response in
                #expect(response.status == .ok)
                let recorded = try Self.json(response)["recorded"] as? Bool
                #expect(recorded == false)
            }
            try await client.execute(uri: "/api/v1/roadmap/goals", method: .get, headers: .api(token)) { response in
                let goals = try #require(
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                #expect(goals.count == 6)
                // Three demo points and today's for every goal: all are measurable from the data, the lead time
                // from the demo's event log of the trade registration, the maturity share from the assessments.
                let counts = goals.map { ($0["measurements"] as? [Any])?.count ?? 0 }
                #expect(counts == [4, 4, 4, 4, 4, 4], "\(counts)")
            }
        }
    }

    @Test func initiativesAreReplacedAndDeletedNamingWhatLostADependency() async throws {
        let server = try await TestServer()
        let token = try await server.member("planerin", role: .processManagement).token
        try await server.run { client in
            let changed =
                #"{"id":"M09","title":"E-Akte für alle Ämter","status":"inProgress","fixedStart":"2026-Q4","durationQuarters":3,"efforts":[{"unitID":"10.1","personDays":60}]}"#
            try await client.execute(
                uri: "/api/v1/roadmap/initiatives/M09", method: .put, headers: .api(token),
                body: ByteBuffer(string: changed)
            ) { #expect($0.status == .ok, "\($0.text)") }
            try await client.execute(
                uri: "/api/v1/roadmap/initiatives/M09", method: .put, headers: .api(token),
                body: ByteBuffer(string: #"{"id":"anders","title":"x"}"#)
            ) { #expect($0.status == .unprocessableContent) }
            try await client.execute(uri: "/api/v1/roadmap/initiatives/M09", method: .delete, headers: .api(token)) {
                response in
                #expect(response.status == .ok)
                let unlinked = try Self.json(response)["unlinked"] as? [String]
                #expect(Set(unlinked ?? []) == ["M01", "M04", "M11"], "\(unlinked ?? [])")
            }
            try await client.execute(uri: "/api/v1/roadmap/initiatives/M09", method: .get, headers: .api(token)) {
                #expect($0.status == .notFound)
            }
        }
    }

    /// The Zielbild, goals, fields of action, weights and capacities are planned through the API with the same
    /// checks as on the page: each problem named, nothing half-stored, deletions say what lost its link.
    @Test func goalsFieldsVisionWeightsAndCapacitiesArePlanned() async throws {
        let server = try await TestServer()
        let token = try await server.member("planerin", role: .processManagement).token
        try await server.run { client in
            func send(
                _ method: HTTPRequest.Method, _ path: String, _ body: String = "", expect status: HTTPResponse.Status
            ) async throws -> [String: Any] {
                let data = try await client.execute(
                    uri: "/api/v1/roadmap" + path, method: method, headers: .api(token), body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == status, "\(method) \(path): \(response.text)")
                    return Data(buffer: response.body)
                }
                return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
            }
            let goal =
                #"{"id":"Z9","title":"Weniger Medienbrüche","indicator":{"kind":"raciCompleteness","scope":"unit:33"},"baseline":{"value":12,"day":"2026-01-01"},"target":{"value":2,"day":"2028-12-31"},"direction":"decrease"}"#
            _ = try await send(.post, "/goals", goal, expect: .created)
            _ = try await send(.post, "/goals", goal, expect: .conflict)
            let read = try await send(.get, "/goals/Z9", expect: .ok)
            #expect(read["current"] is Double, "the value is computed from the map: \(read)")
            let bad =
                #"{"id":"Z7","title":"Kaputt","indicator":{"kind":"raciCompleteness","scope":"unit:gibt-es-nicht"},"baseline":{"value":12,"day":"2029-01-01"},"target":{"value":2,"day":"2028-12-31"},"direction":"decrease"}"#
            let refused = try await send(.post, "/goals", bad, expect: .unprocessableContent)
            let problems = (refused["errors"] as? [String: [String]])?["roadmap"] ?? []
            #expect(problems.count == 2, "\(problems)")
            #expect(problems.contains { $0.contains("„gibt-es-nicht“") })
            #expect(problems.contains { $0.contains("Zieldatum 2028-12-31") })
            _ = try await send(.get, "/goals/Z7", expect: .notFound)

            let field = #"{"id":"H5","name":"Zusammenarbeit mit dem Kreis","kind":"strategic","goalIDs":["Z9"]}"#
            _ = try await send(.post, "/fields", field, expect: .created)
            _ = try await send(
                .put, "/fields/H5", #"{"id":"H5","name":"Kreis","kind":"sideways"}"#, expect: .badRequest)
            let deletedGoal = try await send(.delete, "/goals/Z9", expect: .ok)
            #expect(deletedGoal["unlinked"] as? [String] == ["Zusammenarbeit mit dem Kreis"])
            let deletedField = try await send(.delete, "/fields/H1", expect: .ok)
            #expect((deletedField["unlinked"] as? [String])?.count == 3, "\(deletedField)")
            // An id with a space and letters beyond ASCII, percent-encoded in the path, is the same id.
            let spaced = #"{"id":"Ämter übergreifend","name":"Zusammenarbeit","kind":"operational"}"#
            _ = try await send(.post, "/fields", spaced, expect: .created)
            let escaped = "/fields/%C3%84mter%20%C3%BCbergreifend"
            #expect(try await send(.get, escaped, expect: .ok)["id"] as? String == "Ämter übergreifend")
            _ = try await send(.delete, escaped, expect: .ok)
            let fields = try await send(.get, "/fields", expect: .ok)
            #expect(
                (fields["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["H2", "H3", "H4", "H5"])

            _ = try await send(
                .put, "/vision", #"{"statement":"Musterstadt 2031","sourceFindingID":"gibt-es-nicht"}"#,
                expect: .unprocessableContent)
            _ = try await send(
                .put, "/vision", #"{"statement":"Musterstadt 2031","agreedOn":"2026-11-30"}"#, expect: .ok)
            #expect(try await send(.get, "/vision", expect: .ok)["statement"] as? String == "Musterstadt 2031")

            _ = try await send(
                .put, "/weights", #"{"saving":-1,"goals":0,"citizens":0,"deadline":0,"effort":0,"risk":0}"#,
                expect: .unprocessableContent)
            _ = try await send(
                .put, "/capacities", #"[{"unitID":"33","personDaysPerQuarter":30,"exceptions":{"2027-Q3":5}}]"#,
                expect: .ok)
            let plan = try await send(.get, "", expect: .ok)
            let roadmap = plan["roadmap"] as? [String: Any]
            let capacities = roadmap?["capacities"] as? [[String: Any]]
            #expect(capacities?.count == 1)
            #expect((capacities?.first?["exceptions"] as? [String: Double]) == ["2027-Q3": 5])
            #expect((roadmap?["weights"] as? [String: Double])?["saving"] == 3, "the refused weights changed nothing")
        }
    }
}
