import AmtswegCore
import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// One definition of time: a working day has the tenant's hours everywhere, the Monitor chart and its table
/// give the same numbers in the same unit, and durations measured in event logs say they are calendar time.
@Suite struct WorkingTimeTests {
    @Test func theMonitorCountsWorkingDaysOfTheTenantsLength() async throws {
        let server = try await TestServer()
        let (workspace, tenant) = (server.workspace, try server.tenant)
        var map = try await workspace.snapshot(of: tenant).map
        map.settings.hoursPerWorkingDay = 6
        try await workspace.saveMap(
            map, change: MapChange(action: "saveSettings", object: "settings", summary: "6-Stunden-Tag"), by: .local,
            basedOn: nil)
        let process = try #require(
            try await workspace.snapshot(of: tenant).processes.first { $0.id == "baugenehmigung-ist" })
        let report = ProcessReport(process: process, map: map).figures
        let figures = report.allPaths
        // Independently: minutes ÷ 360, one decimal, German comma.
        @Sendable func days(_ minutes: Double) -> String {
            String(format: "%.1f", minutes / 360).replacingOccurrences(of: ".", with: ",")
        }
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/monitor")
            let page = try await client.execute(uri: "/monitor", method: .get, headers: browser.headers) { $0.text }
            #expect(page.contains("in Arbeitstagen zu 6 Stunden"))
            #expect(page.contains("Bearbeitungszeit (Arbeitstage)") && !page.contains("> Tage<"))
            let row = try #require(
                page.components(separatedBy: "<tr").first { $0.contains("<td") && $0.contains(report.processName) })
            for value in [days(figures.handlingMinutes), days(figures.waitingMinutes), days(figures.leadTimeMinutes)] {
                #expect(row.contains(">\(value)<"), "\(value) in \(row)")
            }
            let total = days(figures.handlingMinutes + figures.waitingMinutes)
            #expect(page.contains("\(total) Arbeitstage</text>"), "the chart's label: \(total) Arbeitstage")
        }
    }

    /// The working day is set on its page (Prozessmanagement), checked against its range, and in the audit log.
    @Test func theWorkingDayIsSetOnItsPage() async throws {
        let server = try await TestServer()
        let (workspace, tenant) = (server.workspace, try server.tenant)
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/processes/settings")
            let fields = [
                ("annual-hours", "1.600"), ("hourly-cost", "65"), ("max-desks", "5"), ("long-wait-days", "5"),
            ]
            let (badHeaders, badBody) = browser.form([("hours-per-day", "30")] + fields)
            try await client.execute(uri: "/processes/settings", method: .post, headers: badHeaders, body: badBody) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains("Stunden je Arbeitstag: „30“ – bitte eine Zahl von 1 bis 24."))
            }
            #expect(try await workspace.snapshot(of: tenant).map.settings.hoursPerWorkingDay == 8, "nothing stored")
            let (headers, body) = browser.form([("hours-per-day", "7,8")] + fields)
            try await client.execute(uri: "/processes/settings", method: .post, headers: headers, body: body) {
                #expect($0.status == .seeOther)
            }
            #expect(try await workspace.snapshot(of: tenant).map.settings.hoursPerWorkingDay == 7.8)
            let page = try await client.execute(uri: "/monitor", method: .get, headers: browser.headers) { $0.text }
            #expect(page.contains("in Arbeitstagen zu 7,8 Stunden"))
            let log = try await workspace.repository.changes(of: tenant, limit: 3)
            #expect(log.contains { $0.action == "saveFigureSettings" && $0.summary.contains("Arbeitstag 7,8 h") })
        }
    }
}
