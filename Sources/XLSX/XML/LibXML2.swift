import CLibXML2

// Every libxml2 call of the package lives in this file.

/// An element or attribute name as libxml2 reports it: the local name and the namespace URI,
/// as C strings valid only during the callback.
package struct XMLName {
    let local: UnsafePointer<UInt8>
    let uri: UnsafePointer<UInt8>?

    /// True when the local name is `name` (any prefix, any namespace).
    @inline(__always)
    package func `is`(_ name: StaticString) -> Bool {
        let p = name.utf8Start
        var i = 0
        while true {
            let a = local[i], b = p[i]
            if a != b { return false }
            if a == 0 { return true }
            i += 1
        }
    }

    /// The local name as a string.
    package var localName: String { String(cString: local) }
    /// The namespace URI, if any.
    package var namespace: String? { uri.map { String(cString: $0) } }
}

/// The attributes of a start tag, valid only during the callback.
package struct XMLAttributes {
    let pointer: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    package let count: Int

    /// The raw bytes of the attribute with this local name (any namespace), or nil.
    @inline(__always)
    package func bytes(_ name: StaticString) -> UnsafeRawBufferPointer? {
        guard let pointer else { return nil }
        for i in 0..<count {
            let base = pointer + 5 * i
            if XMLName(local: base[0]!, uri: nil).is(name) {
                let start = base[3]!, end = base[4]!
                return UnsafeRawBufferPointer(start: start, count: end - start)
            }
        }
        return nil
    }

    /// The attribute with this local name whose namespace URI ends with `namespaceSuffix`.
    package func bytes(_ name: StaticString, namespaceSuffix: String) -> UnsafeRawBufferPointer? {
        guard let pointer else { return nil }
        for i in 0..<count {
            let base = pointer + 5 * i
            guard XMLName(local: base[0]!, uri: nil).is(name), let uri = base[2] else { continue }
            if String(cString: uri).hasSuffix(namespaceSuffix) {
                let start = base[3]!, end = base[4]!
                return UnsafeRawBufferPointer(start: start, count: end - start)
            }
        }
        return nil
    }

    /// The attribute's value as a string.
    package func string(_ name: StaticString) -> String? {
        bytes(name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every attribute as (local name, namespace URI, value).
    package var all: [(name: String, namespace: String?, value: String)] {
        guard let pointer else { return [] }
        return (0..<count).map { i in
            let base = pointer + 5 * i
            let start = base[3]!, end = base[4]!
            return (String(cString: base[0]!), base[2].map { String(cString: $0) },
                    String(decoding: UnsafeRawBufferPointer(start: start, count: end - start), as: UTF8.self))
        }
    }
}

/// Receives the events of a parse. A handler that finds a fault calls ``XMLPushParser/fail(_:)``.
package protocol XMLContentHandler: AnyObject {
    func startElement(_ name: XMLName, attributes: XMLAttributes)
    func endElement(_ name: XMLName)
    func characters(_ bytes: UnsafeRawBufferPointer)
}

/// A streaming XML parser over libxml2's SAX2 push interface, hardened for untrusted parts:
/// a DTD stops the parse (no entity expansion, no external entities, no network), depth is
/// bounded, and errors carry the part name, line and column.
package final class XMLPushParser {
    package let part: String
    private var context: xmlParserCtxtPtr?
    /// The handler, unretained (the caller keeps it alive), with entry points typed for it,
    /// so each event is a direct call: no existential box, no retain and release per event.
    private let handler: HandlerThunks
    private var failure: XLSXError?
    private var firstMessage: String?
    private var depth = 0
    private let maxDepth: Int

    package init<Handler: XMLContentHandler>(part: String, handler: Handler, maxDepth: Int = ReadLimits.default.maxXMLDepth) {
        self.part = part
        self.handler = HandlerThunks(handler)
        self.maxDepth = maxDepth
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        // The hot callbacks borrow the parser without retaining it (it outlives the parse).
        sax.startElementNs = { ctx, local, _, uri, _, _, count, _, attributes in
            Unmanaged<XMLPushParser>.fromOpaque(XMLPushParser.userData(ctx))._withUnsafeGuaranteedRef { parser in
                parser.depth += 1
                if parser.depth > parser.maxDepth {
                    parser.fail(.limitExceeded(limit: .xmlDepth, entry: parser.part, value: UInt64(parser.depth), maximum: UInt64(parser.maxDepth)))
                    return
                }
                guard let local else { return }
                parser.handler.start(parser.handler.object,
                    XMLName(local: local, uri: uri),
                    XMLAttributes(pointer: attributes, count: Int(count)))
            }
        }
        sax.endElementNs = { ctx, local, _, uri in
            Unmanaged<XMLPushParser>.fromOpaque(XMLPushParser.userData(ctx))._withUnsafeGuaranteedRef { parser in
                parser.depth -= 1
                guard let local else { return }
                parser.handler.end(parser.handler.object, XMLName(local: local, uri: uri))
            }
        }
        let characters: charactersSAXFunc = { ctx, bytes, length in
            guard let bytes, length > 0 else { return }
            Unmanaged<XMLPushParser>.fromOpaque(XMLPushParser.userData(ctx))._withUnsafeGuaranteedRef { parser in
                parser.handler.characters(parser.handler.object, UnsafeRawBufferPointer(start: bytes, count: Int(length)))
            }
        }
        sax.characters = characters
        sax.cdataBlock = characters
        sax.internalSubset = { ctx, _, _, _ in
            let parser = Unmanaged<XMLPushParser>.fromOpaque(XMLPushParser.userData(ctx)).takeUnretainedValue()
            parser.fail(.forbiddenDTD(part: parser.part))
        }
        sax.serror = { userData, error in
            guard let userData, let error else { return }
            let parser = Unmanaged<XMLPushParser>.fromOpaque(userData).takeUnretainedValue()
            guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            if parser.firstMessage == nil {
                let text = error.pointee.message.map { String(cString: $0) } ?? "parse error"
                parser.firstMessage = text.trimmingTrailingNewlines()
            }
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        context = xmlCreatePushParserCtxt(&sax, me, nil, 0, part)
        if let context {
            // NOENT is safe only because a DTD stops the parse before any entity is declared:
            // it makes libxml2 hand over attribute values with &amp; and friends decoded.
            xmlCtxtUseOptions(context, Int32(XML_PARSE_NOENT.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
            context.pointee._private = me
        }
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    private static func userData(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer {
        // For SAX2 callbacks libxml2 passes the user data (our pointer) given at creation.
        ctx!
    }

    /// Stops the parse with this error; the next ``feed(_:)`` or ``finish()`` throws it.
    package func fail(_ error: XLSXError) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    /// True once the handler or the parser failed.
    package var hasFailed: Bool { failure != nil || firstMessage != nil }

    /// Parses the next chunk of the document.
    package func feed(_ chunk: UnsafeRawBufferPointer) throws {
        try push(chunk, terminate: false)
    }

    /// Ends the document; throws if it is incomplete or malformed.
    package func finish() throws {
        try push(UnsafeRawBufferPointer(start: nil, count: 0), terminate: true)
    }

    private func push(_ chunk: UnsafeRawBufferPointer, terminate: Bool) throws {
        guard let context else { throw XLSXError.cLibrary(library: .libxml2, function: "xmlCreatePushParserCtxt", code: 0, part: part) }
        if let failure { throw failure }
        var offset = 0
        repeat {
            // libxml2 takes an Int32 length; feed large buffers in slices.
            let n = min(chunk.count - offset, 1 << 24)
            let pointer = chunk.baseAddress.map { UnsafeRawPointer($0 + offset).assumingMemoryBound(to: CChar.self) }
            let last = terminate && offset + n == chunk.count
            let status = xmlParseChunk(context, pointer, Int32(n), last ? 1 : 0)
            if let failure { throw failure }
            if status != 0 || firstMessage != nil {
                let line = Int(xmlSAX2GetLineNumber(context))
                let column = Int(xmlSAX2GetColumnNumber(context))
                throw XLSXError.malformedXML(part: part, line: line, column: column, message: firstMessage ?? "error \(status)")
            }
            offset += n
        } while offset < chunk.count
    }

    /// Parses a whole document held in memory.
    package static func parse(_ bytes: [UInt8], part: String, handler: any XMLContentHandler, maxDepth: Int = ReadLimits.default.maxXMLDepth) throws {
        let parser = XMLPushParser(part: part, handler: handler, maxDepth: maxDepth)
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = min(256 * 1024, raw.count - offset)
                try parser.feed(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + n]))
                offset += n
            }
        }
        try parser.finish()
    }

    /// Parses a ZIP entry as it inflates, chunk by chunk.
    package static func parse(_ stream: ZipEntryStream, part: String, handler: any XMLContentHandler, maxDepth: Int = ReadLimits.default.maxXMLDepth) throws {
        let parser = XMLPushParser(part: part, handler: handler, maxDepth: maxDepth)
        while let chunk = try stream.next() {
            try parser.feed(chunk)
        }
        try parser.finish()
    }
}

/// A handler's three entry points, typed for its concrete class and taking it unretained.
private struct HandlerThunks {
    let object: UnsafeMutableRawPointer
    let start: (UnsafeMutableRawPointer, XMLName, XMLAttributes) -> Void
    let end: (UnsafeMutableRawPointer, XMLName) -> Void
    let characters: (UnsafeMutableRawPointer, UnsafeRawBufferPointer) -> Void

    init<Handler: XMLContentHandler>(_ handler: Handler) {
        object = Unmanaged.passUnretained(handler).toOpaque()
        start = { object, name, attributes in
            Unmanaged<Handler>.fromOpaque(object)._withUnsafeGuaranteedRef { $0.startElement(name, attributes: attributes) }
        }
        end = { object, name in
            Unmanaged<Handler>.fromOpaque(object)._withUnsafeGuaranteedRef { $0.endElement(name) }
        }
        characters = { object, bytes in
            Unmanaged<Handler>.fromOpaque(object)._withUnsafeGuaranteedRef { $0.characters(bytes) }
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.last == "\n" || s.last == "\r" { s.removeLast() }
        return s
    }
}
