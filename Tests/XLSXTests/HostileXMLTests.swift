import Foundation
import Testing
@testable import XLSX

/// XML attacks against the parser every part goes through: entity expansion, external entities,
/// DTDs, deep nesting, huge values, broken encodings.
@Suite struct HostileXMLTests {
    final class Counter: XMLContentHandler {
        var elements = 0, textBytes = 0
        func startElement(_ name: XMLName, attributes: XMLAttributes) { elements += 1 }
        func endElement(_ name: XMLName) {}
        func characters(_ bytes: UnsafeRawBufferPointer) { textBytes += bytes.count }
    }

    static func parse(_ text: String) -> (XLSXError?, Counter) {
        let counter = Counter()
        do {
            try XMLPushParser.parse(Array(text.utf8), part: "xl/worksheets/sheet1.xml", handler: counter)
            return (nil, counter)
        } catch let error as XLSXError {
            return (error, counter)
        } catch {
            return (.invalidOperation("\(error)"), counter)
        }
    }

    @Test func billionLaughsIsRefusedAsADTD() {
        var dtd = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for i in 1...9 {
            let previous = i == 1 ? "lol" : "lol\(i - 1)"
            dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        dtd += "]>"
        let (error, counter) = Self.parse("<?xml version=\"1.0\"?>" + dtd + "<worksheet>&lol9;</worksheet>")
        #expect(error == .forbiddenDTD(part: "xl/worksheets/sheet1.xml"))
        #expect(counter.textBytes == 0)
    }

    @Test func quadraticBlowupIsRefused() {
        let big = String(repeating: "a", count: 50_000)
        let refs = String(repeating: "&a;", count: 50_000)
        let (error, counter) = Self.parse("<!DOCTYPE x [<!ENTITY a \"\(big)\">]><worksheet>\(refs)</worksheet>")
        #expect(error == .forbiddenDTD(part: "xl/worksheets/sheet1.xml"))
        #expect(counter.textBytes == 0)
    }

    @Test(arguments: ["file:///etc/passwd", "http://127.0.0.1:9/evil.dtd"])
    func externalEntitiesAreNeverRead(_ target: String) {
        let (error, counter) = Self.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"\(target)\">]><worksheet>&e;</worksheet>")
        #expect(error == .forbiddenDTD(part: "xl/worksheets/sheet1.xml"))
        #expect(counter.textBytes == 0)
    }

    @Test func externalDTDIsRefused() {
        let (error, _) = Self.parse("<!DOCTYPE worksheet SYSTEM \"file:///etc/passwd\"><worksheet/>")
        #expect(error == .forbiddenDTD(part: "xl/worksheets/sheet1.xml"))
    }

    @Test func undeclaredEntityIsMalformed() {
        let (error, _) = Self.parse("<worksheet>&nope;</worksheet>")
        guard case .malformedXML("xl/worksheets/sheet1.xml", let line, _, _)? = error else {
            Issue.record("undeclared entity accepted: \(String(describing: error))"); return
        }
        #expect(line == 1)
    }

    @Test func tenThousandDeepNestingStops() {
        let depth = 10_000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let (error, counter) = Self.parse(text)
        switch error {
        case .limitExceeded(.xmlDepth, _, _, _)?, .malformedXML?: break
        default: Issue.record("deep nesting accepted: \(String(describing: error))")
        }
        #expect(counter.elements <= ReadLimits.default.maxXMLDepth + 1)
    }

    @Test func multiMegabyteAttributeIsBounded() {
        let value = String(repeating: "x", count: 4 << 20)
        let (error, counter) = Self.parse("<worksheet><c r=\"\(value)\"/></worksheet>")
        // Either parsed (4 MiB is within libxml2's own limits) or refused; never a crash.
        if error == nil { #expect(counter.elements == 2) }
        let huge = String(repeating: "y", count: 12 << 20)
        let (hugeError, _) = Self.parse("<worksheet><c r=\"\(huge)\"/></worksheet>")
        #expect(hugeError != nil, "a 12 MiB attribute passes libxml2's 10 MB limit")
    }

    @Test func invalidUTF8IsMalformedWithItsLine() {
        var bytes = Array("<worksheet>\n<v>ok</v>\n<v>".utf8)
        bytes += [0xC3, 0x28, 0xFF]
        bytes += Array("</v></worksheet>".utf8)
        let counter = Counter()
        do {
            try XMLPushParser.parse(bytes, part: "xl/sharedStrings.xml", handler: counter)
            Issue.record("invalid UTF-8 accepted")
        } catch let error as XLSXError {
            guard case .malformedXML("xl/sharedStrings.xml", let line, _, _) = error else { Issue.record("\(error)"); return }
            #expect(line == 3)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func decodesPredefinedEntitiesInAttributes() {
        final class Capture: XMLContentHandler {
            var value: String?
            func startElement(_ name: XMLName, attributes: XMLAttributes) { if name.is("c") { value = attributes.string("v") } }
            func endElement(_ name: XMLName) {}
            func characters(_ bytes: UnsafeRawBufferPointer) {}
        }
        let capture = Capture()
        #expect(throws: Never.self) {
            try XMLPushParser.parse(Array("<x><c v=\"a &amp; b &lt;&#x1EA1;\"/></x>".utf8), part: "p", handler: capture)
        }
        #expect(capture.value == "a & b <ạ")
    }
}

/// Failures of the C libraries are errors of their own, naming the library and the call.
@Suite struct CLibraryErrorTests {
    @Test func messagesNameTheLibraryAndTheCall() {
        let e = XLSXError.cLibrary(library: .zlib, function: "deflate", code: -2, part: nil)
        #expect(e.message(.en) == "zlib failed: deflate returned -2; memory may be exhausted or the library broken")
        #expect(e.message(.vi) == "Thư viện zlib báo lỗi: deflate trả về -2; có thể thiếu bộ nhớ hoặc thư viện cài hỏng")
        #expect(e.description == e.message(.en))
        let x = XLSXError.cLibrary(library: .libxml2, function: "xmlCreatePushParserCtxt", code: 0, part: "xl/workbook.xml")
        #expect(x.message(.en) == "libxml2 failed: xmlCreatePushParserCtxt returned 0 (part xl/workbook.xml); memory may be exhausted or the library broken")
    }
}
