import Foundation
import TestTools
import Testing
@testable import XLSX
#if canImport(Glibc)
import Glibc
#endif

/// A user's files are never damaged: inputs are opened read-only and left as they were, and a
/// save that dies (killed, or out of disk) leaves the existing output whole, with nothing
/// partial under its name.
@Suite(.serialized) struct DataSafetyTests {
    /// What a file's metadata says about whether anyone wrote to it.
    struct Stamp: Equatable {
        var mode: UInt32, size: Int64, inode: UInt64, mtime: timespec, ctime: timespec

        init(_ path: String) throws {
            var info = stat()
            guard stat(path, &info) == 0 else { throw XLSXError.io(path: path, reason: "stat failed") }
            mode = info.st_mode; size = Int64(info.st_size); inode = UInt64(info.st_ino)
            mtime = info.st_mtim; ctime = info.st_ctim
        }

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.mode == b.mode && a.size == b.size && a.inode == b.inode
                && a.mtime.tv_sec == b.mtime.tv_sec && a.mtime.tv_nsec == b.mtime.tv_nsec
                && a.ctime.tv_sec == b.ctime.tv_sec && a.ctime.tv_nsec == b.ctime.tv_nsec
        }
    }

    /// A small real workbook written by the library.
    static func writeWorkbook(to path: String, rows: Int = 50) throws {
        let writer = WorkbookWriter()
        let sheet = try writer.addSheet("Học viên")
        for i in 0..<rows { try sheet.appendRow([.string("Nguyễn Văn \(i)"), .number(Double(i))]) }
        try writer.write(to: path)
    }

    /// The access mode (`O_RDONLY`, `O_WRONLY`, `O_RDWR`) of every descriptor this process
    /// holds on `path`, read from /proc/self/fdinfo.
    static func openModes(of path: String) throws -> [Int32] {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var modes: [Int32] = []
        for fd in try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"),
                  target == real,
                  let info = try? String(contentsOfFile: "/proc/self/fdinfo/\(fd)", encoding: .utf8),
                  let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags:") }),
                  let flags = Int32(line.dropFirst("flags:".count).trimmingCharacters(in: .whitespaces), radix: 8)
            else { continue }
            modes.append(flags & O_ACCMODE)
        }
        return modes
    }

    /// A read-only input in a read-only folder: opened only through a read-only descriptor,
    /// and afterwards its bytes, mode, inode and times and the folder's listing are unchanged.
    @Test func inputIsNeverOpenedForWriting() throws {
        let folder = try makeTemporaryDirectory("readonly")
        defer { chmod(folder.path, 0o755); try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("input.xlsx").path
        try Self.writeWorkbook(to: path)
        chmod(path, 0o444)
        chmod(folder.path, 0o555)
        let bytesBefore = try Data(contentsOf: URL(fileURLWithPath: path))
        let fileBefore = try Stamp(path), folderBefore = try Stamp(folder.path)
        let listingBefore = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        usleep(20_000)  // a write now would move mtime past the recorded one

        do {
            let workbook = try Workbook(path: path)
            #expect(workbook.archive.source is FileByteSource)
            let modes = try Self.openModes(of: path)
            #expect(modes == [O_RDONLY], "descriptors on the input: \(modes)")
            let sheet = try workbook.sheet(at: 0)
            #expect(sheet["A2"]?.value == .string("Nguyễn Văn 1"))
            try workbook.rows(of: workbook.sheets[0]).forEach { _ in }
        }
        #expect(try Self.openModes(of: path).isEmpty, "the input stays open after the workbook is gone")
        #expect(try Stamp(path) == fileBefore)
        #expect(try Stamp(folder.path) == folderBefore)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == listingBefore)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytesBefore)
    }

    /// `xlsx-bench`, built beside this test binary.
    static let bench: String? = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("xlsx-bench").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }()

    /// A child process writing a big workbook over an existing output is SIGKILLed mid-save:
    /// the existing output is byte-for-byte intact and no partial file sits under its name.
    @Test func killedSaveLeavesTheExistingOutputIntact() throws {
        guard let bench = Self.bench else {
            Issue.record("xlsx-bench is not built beside the tests (swift build builds it)"); return
        }
        let folder = try makeTemporaryDirectory("killed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.xlsx").path
        try Self.writeWorkbook(to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let child = Process()
        child.executableURL = URL(fileURLWithPath: bench)
        child.arguments = ["write", "400000", path, "--streaming"]
        child.standardOutput = FileHandle.nullDevice
        try child.run()
        // Wait until the child has written a good part of its temporary file, then kill it.
        let deadline = Date().addingTimeInterval(60)
        var partial: String?
        while Date() < deadline, child.isRunning {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            if let temp = names.first(where: { $0.hasPrefix(".out.xlsx.tmp-") }),
               let size = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(temp).path)[.size] as? Int,
               size > 1 << 20 {
                partial = temp
                break
            }
            usleep(1_000)
        }
        #expect(child.isRunning, "the child finished before it could be killed")
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(child.terminationStatus == SIGKILL)
        #expect(partial != nil, "no temporary file grew past 1 MiB")

        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try Workbook(path: path).sheet(at: 0)["A50"]?.value == .string("Nguyễn Văn 49"))
        // The partial bytes are only ever under hidden names: the temporary output
        // (`.out.xlsx.tmp-…`) and the sheet's spill file (`.sheet1.spill-…`), which a killed
        // process cannot remove.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.contains { $0.hasPrefix(".out.xlsx.tmp-") })
        #expect(names.filter { !$0.hasPrefix(".") } == ["out.xlsx"])
    }

    /// A 1 MiB tmpfs, when this process may mount one (root in a container that allows it).
    static let smallDisk: URL? = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return nil }
        guard let folder = try? makeTemporaryDirectory("fulldisk") else { return nil }
        guard let result = try? runProgram("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", folder.path]), result.status == 0 else {
            try? FileManager.default.removeItem(at: folder)
            return nil
        }
        return folder
    }()

    /// The disk fills up mid-save: the save fails with an I/O error, the existing output is
    /// intact, and neither a partial file nor the temporary file is left behind.
    @Test(.enabled(if: DataSafetyTests.smallDisk != nil, "mounting a 1 MiB tmpfs is not permitted here; full-disk case skipped"))
    func fullDiskLeavesTheExistingOutputIntact() throws {
        let disk = try #require(Self.smallDisk)
        defer { _ = try? runProgram("/bin/umount", [disk.path]); try? FileManager.default.removeItem(at: disk) }
        let path = disk.appendingPathComponent("out.xlsx").path
        try Self.writeWorkbook(to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        // Text that does not compress: about 3 MB of deflated output for a 1 MiB disk.
        var generator = SystemRandomNumberGenerator()
        let writer = WorkbookWriter()
        let sheet = try writer.addSheet("Đầy")
        for _ in 0..<20_000 {
            let text = String((0..<150).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x21...0x7E, using: &generator))) })
            try sheet.appendRow([.string(text)])
        }
        var error = thrownXLSXError { try writer.write(to: path) }
        if case let .inFile(_, inner)? = error { error = inner }
        guard case let .io(failedPath, reason)? = error else {
            Issue.record("the save on a full disk did not fail with an I/O error: \(String(describing: error))"); return
        }
        #expect(failedPath.hasSuffix("out.xlsx"))
        #expect(reason.contains("space"), "reason: \(reason)")

        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["out.xlsx"])
        #expect(try Workbook(path: path).sheet(at: 0)["A1"]?.value == .string("Nguyễn Văn 0"))
    }
}
