import Testing

@testable import AmtswegServer

/// The form token a visitor gets: 64 hexadecimal digits, as the session middleware accepts back, and new each time.
@Suite struct FormTokenTests {
    @Test func tokensAreSixtyFourHexDigitsAndDiffer() {
        let tokens = (0..<200).map { _ in SessionMiddleware.makeToken() }
        for token in tokens {
            #expect(token.utf8.count == 64)
            #expect(token.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) })
        }
        #expect(Set(tokens).count == tokens.count)
        // No position stuck: over 200 tokens each takes more than half of the 16 digits (all 16, but for chance).
        for position in 0..<64 {
            let digits = Set(tokens.map { Array($0.utf8)[position] })
            #expect(digits.count > 8, "position \(position)")
        }
    }
}
