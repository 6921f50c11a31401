import AmtswegCore
import AmtswegDemo
import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The demo has one account per role; their password stands on the sign-in page in demo mode only, and each
/// signs in with it.
@Suite struct DemoAccountTests {
    @Test func everyRoleHasADemoAccountThatSignsInWithThePasswordShownInDemoMode() async throws {
        #expect(Set(Musterstadt.demoAccounts.map(\.role)) == Set(AccessRole.allCases))
        let server = try await TestServer(localMode: false)
        #expect(
            try await DemoLoader.accountsWithDemoPassword(in: server.workspace.repository)
                == Musterstadt.demoAccounts.map(\.name))
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/login")
            let login = try await browser.page(client, "/login")
            #expect(login.contains("<code>\(Musterstadt.demoPassword)</code>"))
            for account in Musterstadt.demoAccounts {
                #expect(login.contains("<code>\(account.name)</code>"))
                let (headers, body) = browser.form([("name", account.name), ("password", Musterstadt.demoPassword)])
                try await client.execute(uri: "/login", method: .post, headers: headers, body: body) {
                    #expect($0.status == .seeOther, "\(account.name) signs in")
                }
            }
        }
        let plain = try await TestServer(localMode: false, loadDemo: false)
        try await plain.run { client in
            let browser = try await Browser.start(client, uri: "/login")
            #expect(!(try await browser.page(client, "/login")).contains(Musterstadt.demoPassword))
        }
    }
}
