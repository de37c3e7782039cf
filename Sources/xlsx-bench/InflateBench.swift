import XLSX

/// Inflates every entry of an archive (CRC-32 checked) and prints the byte count.
func inflateBench(_ arguments: [String]) throws {
    guard let path = arguments.first else { print("usage: xlsx-bench inflate FILE"); return }
    let archive = try ZipArchive(path: path)
    var total: UInt64 = 0
    for entry in archive.entries where !entry.isDirectory {
        let stream = try archive.stream(entry, chunkSize: 256 * 1024)
        while let chunk = try stream.next() { total += UInt64(chunk.count) }
    }
    print("entries=\(archive.entries.count) inflated_bytes=\(total)")
}
