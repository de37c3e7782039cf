import Foundation
import XLSX

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A workbook file found for import: where it is on disk and the name findings give it.
public struct WorkbookFile: Hashable, Sendable {
    /// The file on disk.
    public var url: URL
    /// The name used in findings: the path relative to the folder it was found in, or the
    /// file's own name when given directly.
    public var name: String
}

extension Dataset {
    /// The workbooks to read under `paths`: files as given; folders walked recursively in
    /// name order. Excel's lock files (`~$…`), hidden files and anything but `.xlsx`/`.xlsm`
    /// found in folders are skipped; a path that does not exist is reported.
    public static func workbookFiles(_ paths: [String]) -> (files: [WorkbookFile], findings: [ImportFinding]) {
        var files: [WorkbookFile] = []
        var findings: [ImportFinding] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                findings.append(ImportFinding(.unreadableFile, file: path,
                    message: "Không tìm thấy \"\(path)\".", messageEnglish: "\"\(path)\" does not exist."))
                continue
            }
            let url = URL(fileURLWithPath: path)
            guard isDirectory.boolValue else {
                if !isLockFile(url.lastPathComponent) { files.append(WorkbookFile(url: url, name: url.lastPathComponent)) }
                continue
            }
            let base = url.standardizedFileURL.path
            var found: [WorkbookFile] = []
            if let walker = fm.enumerator(at: url, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) {
                for case let item as URL in walker {
                    let name = item.lastPathComponent
                    guard !isLockFile(name), ["xlsx", "xlsm"].contains(item.pathExtension.lowercased()),
                          isRegularFile(item.path) else { continue }
                    var relative = item.standardizedFileURL.path
                    if relative.hasPrefix(base + "/") { relative.removeFirst(base.count + 1) }
                    found.append(WorkbookFile(url: item, name: relative))
                }
            }
            files += found.sorted { $0.name < $1.name }
        }
        return (files, findings)
    }

    /// True for Excel's owner/lock files (`~$Book.xlsx`).
    static func isLockFile(_ name: String) -> Bool { name.hasPrefix("~$") }

    /// True when `path` is a regular file (a link to one included): not a folder, pipe or
    /// device, which reading would block on or misread. One `stat` call: asking `URL` for its
    /// resource values costs about 50 µs a file, which a folder of a thousand workbooks feels.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
