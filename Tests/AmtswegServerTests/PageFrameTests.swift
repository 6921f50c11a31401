import AmtswegCore
import AmtswegServer
import Foundation
import HummingbirdTesting
import Testing

@testable import AmtswegServer

/// A page kept in two layers: the frame is cut at its slots' markers and filled with pieces; a process page after
/// comments shows each beside what it is about, in both languages, with no marker left.
@Suite struct PageFrameTests {
    @Test func aFrameIsCutAtItsMarkersAndFilledInOrder() {
        let html =
            "<p>Größe</p>" + Pages.slotMarker("step:a") + "<li>ä</li>" + Pages.slotMarker("process") + "<p>Ende"
            + Pages.slotMarker("step:leer")
        let frame = PageFrame(html)
        #expect(frame.slots == ["step:a", "process", "step:leer"])
        #expect(frame.texts == ["<p>Größe</p>", "<li>ä</li>", "<p>Ende", ""])
        #expect(
            frame.filled(with: ["process": "<b>P</b>", "step:a": "«A»"]) == "<p>Größe</p>«A»<li>ä</li><b>P</b><p>Ende",
            "a slot without a piece stays empty")
        #expect(PageFrame("ohne Platzhalter").filled(with: ["x": "y"]) == "ohne Platzhalter")
        #expect(Pages.slotMarker("a\u{1}b") == Pages.slotMarker("ab"), "a name cannot end its marker early")
    }

    /// Pieces made anew take the items they were last made of as they were, and make only the new ones; what is not
    /// used again is not kept for the next time.
    @Test func piecesReuseTheItemsTheyWereMadeOf() {
        var made: [Int] = []
        let first = PieceItems()
        for version in [1, 2, 2] {
            _ = first.item(version) {
                made.append(version); return "<\(version)>"
            }
        }
        #expect(made == [1, 2], "an item used twice in one making is made once")
        let kept = KeptPieces()
        kept.keep(["process": "<1><2>"], items: first.used, madeFrom: 7)
        #expect(kept.pieces(ifMadeFrom: 7) == ["process": "<1><2>"])
        #expect(kept.pieces(ifMadeFrom: 8) == nil)
        let second = PieceItems(kept: kept.items)
        #expect(
            second.item(2) {
                made.append(2); return "neu"
            } == "<2>")
        #expect(
            second.item(3) {
                made.append(3); return "<3>"
            } == "<3>")
        #expect(made == [1, 2, 3])
        #expect(second.used == [2: "<2>", 3: "<3>"], "item 1, not used this time, is not kept")
    }

    @Test func commentsAreFilledIntoTheKeptProcessPageInBothLanguages() async throws {
        let page = "/processes/baugenehmigung-ist"
        try await TestServer().run { client in
            let browser = try await Browser.start(client, uri: page)
            for (step, text) in [("", "Zum Ganzen: Fristen prüfen"), ("Eingang", "Zum Eingang: Scan fehlt")] {
                let (headers, body) = browser.form([("step", step), ("text", text)])
                try await client.execute(uri: page + "/comments", method: .post, headers: headers, body: body) {
                    #expect($0.status == .seeOther)
                }
            }
            let german = try await browser.page(client, page)
            let english = try await client.execute(
                uri: page, method: .get, headers: [.cookie: browser.cookie + "; amtsweg_lang=en"]
            ) { $0.text }
            #expect(english.contains("<html lang=\"en\">"))
            for html in [german, english] {
                #expect(!html.contains("\u{1}") && !html.contains("csrf-placeholder"))
                let step = try #require(html.range(of: "id=\"step-Eingang\""))
                let next = try #require(html.range(of: "id=\"step-Vollstaendigkeit\""))
                let onStep = try #require(html.range(of: "Zum Eingang: Scan fehlt"))
                #expect(step.upperBound < onStep.lowerBound && onStep.upperBound < next.lowerBound)
                let section = try #require(html.range(of: "id=\"comments-heading\""))
                let onProcess = try #require(html.range(of: "Zum Ganzen: Fristen prüfen"))
                #expect(section.upperBound < onProcess.lowerBound, "the process's own comment is in its section")
                #expect(html.contains(browser.token), "the threads' forms carry the visitor's token")
            }
            #expect(
                english.contains("<summary>Answer</summary>") && !english.contains(">Antworten<"),
                "the threads' words are English")
        }
    }
}
