#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shared strings of a workbook being written: each distinct string once, found again
/// by its exact UTF-8 bytes (as Excel compares them) through an open-addressing hash table,
/// so a repeated string costs one hash and one comparison, and no `String` hashing.
final class SharedStringTable {
    /// Every entry's bytes, back to back: plain text as it is, rich text as its `<r>` runs.
    private var arena: [UInt8] = []
    /// Entry i spans `arena[offsets[i] ..< offsets[i + 1]]`.
    private var offsets: [Int] = [0]
    /// Whether entry i holds serialized rich-text runs rather than plain text.
    private var rich: [Bool] = []
    /// 1-based entry numbers; 0 is an empty slot.
    private var slots: [Int32] = Array(repeating: 0, count: 1 << 12)
    private var hashes: [UInt64] = []
    /// References written (`count` of the `sst` element).
    private(set) var references = 0

    /// Distinct strings.
    var count: Int { rich.count }

    /// The index of a plain string, added if new.
    func index(of s: String) -> Int {
        var s = s
        return s.withUTF8 { index(of: UnsafeRawBufferPointer($0), rich: false) }
    }

    /// The index of a string given as UTF-8 bytes (rich text as its serialized runs).
    func index(of bytes: UnsafeRawBufferPointer, rich isRich: Bool) -> Int {
        references += 1
        var h: UInt64 = isRich ? 0x9E37_79B9_7F4A_7C15 : 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let mask = slots.count - 1
        var j = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let entry = Int(slots[j])
            if entry == 0 { break }
            let i = entry - 1
            if hashes[i] == h, rich[i] == isRich, equal(i, bytes) { return i }
            j = (j + 1) & mask
        }
        let i = rich.count
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        rich.append(isRich)
        hashes.append(h)
        slots[j] = Int32(i + 1)
        if rich.count * 2 > slots.count { rehash() }
        return i
    }

    private func equal(_ i: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = offsets[i], end = offsets[i + 1]
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBytes { a in
            bytes.count == 0 || memcmp(a.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private func rehash() {
        var fresh = [Int32](repeating: 0, count: slots.count * 2)
        let mask = fresh.count - 1
        for i in 0..<rich.count {
            let h = hashes[i]
            var j = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while fresh[j] != 0 { j = (j + 1) & mask }
            fresh[j] = Int32(i + 1)
        }
        slots = fresh
    }

    /// The text of entry `i` (rich text flattened to its runs' text, roughly, for measuring).
    func text(at i: Int) -> String {
        let bytes = arena[offsets[i]..<offsets[i + 1]]
        guard rich[i] else { return String(decoding: bytes, as: UTF8.self) }
        // Keep only character data between tags.
        var out: [UInt8] = []
        var inTag = false
        for b in bytes {
            if b == 0x3C { inTag = true } else if b == 0x3E { inTag = false } else if !inTag { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the `sst` part, in chunks handed to `flush` as the buffer fills.
    func write(to xml: XMLWriter, flush: () throws -> Void) rethrows {
        xml.raw(PartXML.declaration)
        xml.raw("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"")
        xml.attribute("count", references)
        xml.attribute("uniqueCount", count)
        xml.raw(">")
        try arena.withUnsafeBytes { a in
            for i in 0..<rich.count {
                let piece = UnsafeRawBufferPointer(rebasing: a[offsets[i]..<offsets[i + 1]])
                if rich[i] {
                    xml.raw("<si>")
                    xml.raw(piece)
                    xml.raw("</si>")
                } else {
                    xml.raw(SharedStringTable.needsPreserve(piece) ? "<si><t xml:space=\"preserve\">" : "<si><t>")
                    xml.text(piece)
                    xml.raw("</t></si>")
                }
                if xml.count >= 1 << 20 { try flush() }
            }
        }
        xml.raw("</sst>")
    }

    /// Leading or trailing spaces, tabs or line breaks are kept only with `xml:space="preserve"`.
    static func needsPreserve(_ p: UnsafeRawBufferPointer) -> Bool {
        guard let first = p.first, let last = p.last else { return false }
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        return blank(first) || blank(last)
    }
}
