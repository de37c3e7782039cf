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

    /// The spreadsheets of other formats found in the folders among `paths` (Excel 97–2003
    /// `.xls`, binary `.xlsb`, LibreOffice `.ods`): not read, each reported as an unreadable file
    /// saying how to save it as `.xlsx`, so that a check never leaves one out silently.
    public static func spreadsheetsNotRead(_ paths: [String]) -> [ImportFinding] {
        let fm = FileManager.default
        var found: [ImportFinding] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let url = URL(fileURLWithPath: path)
            let base = url.standardizedFileURL.path
            var here: [ImportFinding] = []
            for case let item as URL in fm.enumerator(at: url, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) ?? .init() {
                let name = item.lastPathComponent
                guard !isLockFile(name), let (vi, en) = Self.otherFormat(item.pathExtension.lowercased()), isRegularFile(item.path) else { continue }
                var relative = item.standardizedFileURL.path
                if relative.hasPrefix(base + "/") { relative.removeFirst(base.count + 1) }
                here.append(ImportFinding(.unreadableFile, file: relative,
                    message: "\(vi) chưa được kiểm tra: hãy mở và lưu lại dạng .xlsx (Tệp › Lưu thành › Sổ làm việc Excel).",
                    messageEnglish: "\(en) was not checked: open it and save it as .xlsx (File › Save As › Excel Workbook)."))
            }
            found += here.sorted { $0.file < $1.file }
        }
        return found
    }

    /// What a spreadsheet of another format is, by its extension, in Vietnamese and English.
    static func otherFormat(_ ext: String) -> (String, String)? {
        switch ext {
        case "xls": return ("Sổ tính Excel 97–2003 (.xls)", "An Excel 97–2003 workbook (.xls)")
        case "xlsb": return ("Sổ tính nhị phân (.xlsb)", "A binary workbook (.xlsb)")
        case "ods": return ("Bảng tính LibreOffice (.ods)", "A LibreOffice spreadsheet (.ods)")
        default: return nil
        }
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
