/// Rewrites a small XML part token by token: a tag may be kept, replaced or dropped with its
/// element, and the text of chosen elements replaced; everything else is copied as written.
struct PartRewriter {
    /// What to do with a start or empty tag.
    enum TagAction {
        case keep
        case replace(RawTag)
        case drop
        /// Writes these bytes before the tag.
        case insertBefore([UInt8])
    }

    /// Called for each start or empty tag, with the local names of its open ancestors.
    var onTag: (RawTag, [String]) -> TagAction = { _, _ in .keep }
    /// Called for the text of an element (its local name, ancestors); a non-nil result replaces it.
    var onText: (String, [String]) -> String? = { _, _ in nil }
    /// Called for each end tag (its local name); the bytes returned go before it.
    var onEnd: (String, [String]) -> [UInt8] = { _, _ in [] }

    /// Rewrites the part and returns its new bytes.
    func rewrite(_ archive: ZipArchive, _ entry: ZipEntry) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Int(min(entry.uncompressedSize, 1 << 24)) + 256)
        var stack: [String] = []
        var dropDepth = 0
        try scanPart(archive, entry) { token in
            if dropDepth > 0 {
                if token.kind == .startTag { dropDepth += 1 } else if token.kind == .endTag { dropDepth -= 1 }
                return
            }
            switch token.kind {
            case .startTag, .emptyTag:
                let tag = RawTag(token.bytes)
                switch onTag(tag, stack) {
                case .keep: out.append(contentsOf: token.bytes)
                case let .replace(newTag): newTag.write(into: &out)
                case .drop:
                    if token.kind == .startTag { dropDepth = 1 }
                    return
                case let .insertBefore(bytes):
                    out.append(contentsOf: bytes)
                    out.append(contentsOf: token.bytes)
                }
                if token.kind == .startTag { stack.append(tag.localName) }
            case .endTag:
                let name = RawTag.localName(ofEnd: token.bytes)
                if !stack.isEmpty { stack.removeLast() }
                out.append(contentsOf: onEnd(name, stack))
                out.append(contentsOf: token.bytes)
            case .text:
                if let element = stack.last, let replaced = onText(XMLText.decode(token.bytes), stack) {
                    _ = element
                    XMLText.escape(replaced, into: &out)
                } else {
                    out.append(contentsOf: token.bytes)
                }
            case .other:
                out.append(contentsOf: token.bytes)
            }
        }
        return out
    }
}
