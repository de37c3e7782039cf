#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swift's own shortest round-trip formatting of a `Double` (the algorithm behind `"\(x)"`),
/// called on a caller's buffer so that no `String` is made per number.
@_silgen_name("swift_float64ToString")
private func _float64ToString(
    _ buffer: UnsafeMutablePointer<UInt8>, _ bufferLength: UInt, _ value: Double, _ debug: Bool
) -> UInt64

/// A growing byte buffer of XML: markup is appended as it is, text and attribute values are
/// escaped once on the way in. No DOM, no intermediate strings.
///
/// Text escaping follows what Excel writes: `&`, `<`, `>` as entities, control characters
/// that XML 1.0 cannot carry (and carriage returns) as `_xHHHH_`, and a literal `_x` that would
/// read as such an escape as `_x005F_x`.
final class XMLWriter {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// A copy of the bytes written so far.
    var array: [UInt8] { Array(bytes) }

    /// Forgets the content, keeping the storage.
    func removeAll() { count = 0 }

    @inline(__always)
    private func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        fresh.update(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = newCapacity
    }

    // MARK: Markup

    /// Appends markup as it is (element names, fixed attributes).
    @inline(__always)
    func raw(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        reserve(n)
        (base + count).update(from: s.utf8Start, count: n)
        count += n
    }

    /// Appends bytes as they are.
    func raw(_ p: UnsafeRawBufferPointer) {
        guard let source = p.baseAddress, p.count > 0 else { return }
        reserve(p.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: p.count)
        count += p.count
    }

    /// Appends bytes as they are.
    func raw(_ a: [UInt8]) { a.withUnsafeBytes { raw($0) } }

    /// Appends a string as it is: for markup built from trusted parts.
    func rawString(_ s: String) {
        var s = s
        s.withUTF8 { raw(UnsafeRawBufferPointer($0)) }
    }

    @inline(__always)
    func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    /// Appends a decimal integer.
    @inline(__always)
    func int(_ value: Int) {
        reserve(21)
        var v = value.magnitude
        if value < 0 { base[count] = 0x2D; count += 1 }
        if v < 10 { base[count] = UInt8(v) &+ 0x30; count += 1; return }
        var digits = 0
        var t = v
        while t > 0 { digits += 1; t /= 10 }
        var i = count + digits - 1
        while v > 0 { base[i] = UInt8(v % 10) &+ 0x30; v /= 10; i -= 1 }
        count += digits
    }

    /// Appends a number as the shortest text that reads back to the same `Double`
    /// (`1`, `0.1`, `1.5e-07`); integers up to 2^53 take a fast path.
    @inline(__always)
    func double(_ value: Double) {
        if value == value.rounded(.towardZero), abs(value) < 9.007_199_254_740_992e15 {
            if value == 0 { byte(0x30); return }  // also -0
            int(Int(value))
            return
        }
        reserve(40)
        // The runtime leaves the `0` of `0.x` unwritten; give it zeros to leave.
        (base + count).initialize(repeating: 0x30, count: 40)
        let n = Int(_float64ToString(base + count, 40, value, false))
        count += n
    }

    /// Appends a column-letter + row reference (`B7`) for zero-based indices.
    @inline(__always)
    func cellReference(row: Int, column: Int) {
        columnLetters(column)
        int(row + 1)
    }

    /// Appends the letters of a zero-based column.
    @inline(__always)
    func columnLetters(_ column: Int) {
        reserve(3)
        if column < 26 {
            base[count] = UInt8(0x41 + column); count += 1
        } else if column < 702 {
            base[count] = UInt8(0x41 + column / 26 - 1)
            base[count + 1] = UInt8(0x41 + column % 26)
            count += 2
        } else {
            let c = column - 702
            base[count] = UInt8(0x41 + c / 676)
            base[count + 1] = UInt8(0x41 + c / 26 % 26)
            base[count + 2] = UInt8(0x41 + c % 26)
            count += 3
        }
    }

    // MARK: Escaped content

    /// Appends element text, escaped.
    func text(_ s: String) {
        var s = s
        s.withUTF8 { text(UnsafeRawBufferPointer($0)) }
    }

    /// Appends element text from UTF-8 bytes, escaped.
    func text(_ p: UnsafeRawBufferPointer) {
        var sink = self
        XMLEscaping.escape(p, .cellText, into: &sink)
    }

    /// Appends ` name="value"` with the value escaped.
    func attribute(_ name: StaticString, _ value: String) {
        byte(0x20)
        raw(name)
        raw("=\"")
        var sink = self
        XMLEscaping.escape(value, .attribute, into: &sink)
        byte(0x22)
    }

    /// Appends ` name="123"`.
    func attribute(_ name: StaticString, _ value: Int) {
        byte(0x20)
        raw(name)
        raw("=\"")
        int(value)
        byte(0x22)
    }

    /// Appends ` name="1.5"`.
    func attribute(_ name: StaticString, number value: Double) {
        byte(0x20)
        raw(name)
        raw("=\"")
        double(value)
        byte(0x22)
    }
}

extension XMLWriter {
    /// Drops everything written after `mark` (a half-written row that failed).
    func truncate(to mark: Int) {
        precondition(mark <= count)
        count = mark
    }
}

extension XMLWriter: XMLByteSink {
    func appendBytes(_ bytes: UnsafeRawBufferPointer) { raw(bytes) }
}
