/// Every failure of the XLSX layer: what went wrong and where (file, part, cell, byte offset).
///
/// Descriptions exist in Vietnamese (the default for the office's users) and English:
/// ``message(_:)`` picks one, ``description`` is Vietnamese followed by nothing else, so a
/// one-line error can be shown to a user as it is.
public indirect enum XLSXError: Error, Sendable, Equatable {
    // MARK: The file itself
    /// The file could not be opened or read (`reason` is the system's message).
    case io(path: String, reason: String)
    /// The input is not a ZIP package; `kind` says what it is instead.
    case notAWorkbook(kind: ForeignFileKind)
    /// The ZIP structure is broken (`offset` is the byte where it was found broken, if known).
    case corruptArchive(reason: String, offset: UInt64?)
    /// One entry of the archive is broken.
    case corruptEntry(entry: String, reason: String)
    /// The entry's bytes do not match the CRC-32 the archive records.
    case checksumMismatch(entry: String, expected: UInt32, actual: UInt32)
    /// The entry is encrypted with ZIP encryption.
    case encryptedEntry(entry: String)
    /// The entry uses a compression method other than stored (0) or deflate (8).
    case unsupportedCompression(entry: String, method: UInt16)
    /// A configured limit was reached (zip bombs, absurd counts). `entry` names the entry when one is to blame.
    case limitExceeded(limit: Limit, entry: String?, value: UInt64, maximum: UInt64)

    // MARK: The package and its parts
    /// A part the package needs is missing (`part` is its name inside the package).
    case missingPart(part: String)
    /// A part is not well-formed XML; `line` and `column` locate the fault.
    case malformedXML(part: String, line: Int, column: Int, message: String)
    /// A part declares a DTD; OOXML parts never do, and DTDs carry entity attacks.
    case forbiddenDTD(part: String)
    /// A value in a part is not what the format allows (`cell` names the cell where there is one).
    case invalidContent(part: String, cell: String?, message: String)
    /// A sheet with this name does not exist in the workbook.
    case sheetNotFound(name: String, available: [String])
    /// A typed row could not be decoded: the sheet, the cell (nil when a whole column is
    /// missing), the column header, the cell's text, and what was expected.
    case rowDecoding(sheet: String, cell: String?, header: String, value: String?, expected: String)

    // MARK: Writing: Excel's limits
    /// A sheet name Excel would refuse.
    case invalidSheetName(name: String, problem: SheetNameProblem)
    /// A cell reference outside Excel's grid of 1,048,576 rows × 16,384 columns, or not a reference at all.
    case invalidCellReference(String)
    /// A string longer than Excel's 32,767 characters.
    case stringTooLong(cell: String, length: Int)
    /// A writer was used out of order (rows of a streaming sheet must ascend, a finished writer is closed).
    case invalidOperation(String)
    /// A call into zlib or libxml2 failed where valid input cannot make it fail (out of memory,
    /// a broken installation): the library, the function and the code it returned.
    case cLibrary(library: CLibrary, function: String, code: Int32, part: String?)
    /// Reading was stopped by the caller (a row handler asked to stop, a task was cancelled).
    case stopped
    /// A template placeholder or list has no value in the data.
    case missingTemplateValue(sheet: String, cell: String, name: String)
    /// A template's repeated blocks are not well formed (unclosed, crossed, mismatched names).
    case invalidTemplate(sheet: String, cell: String, message: String)

    /// The same error, in the named file.
    case inFile(path: String, XLSXError)

    /// The limits a reader enforces; see ``ReadLimits``.
    public enum Limit: String, Sendable, Equatable {
        /// More entries in the archive than ``ReadLimits/maxEntryCount``.
        case entryCount
        /// An entry inflates past ``ReadLimits/maxEntrySize``.
        case entrySize
        /// All entries together inflate past ``ReadLimits/maxTotalSize``.
        case totalSize
        /// An entry inflates more than ``ReadLimits/maxCompressionRatio`` times its compressed size (a zip bomb).
        case compressionRatio
        /// A part read whole is larger than ``ReadLimits/maxPartSize``.
        case partSize
        /// A whole sheet holds more cells than ``ReadLimits/maxCells``.
        case cellCount
        /// More shared strings than ``ReadLimits/maxSharedStrings``.
        case sharedStrings
        /// Too many cell formats in a styles part; kept for callers' limits, the library itself does not throw it.
        case styles
        /// XML nested deeper than ``ReadLimits/maxXMLDepth``.
        case xmlDepth
    }

    /// Why a sheet name is refused.
    public enum SheetNameProblem: String, Sendable, Equatable {
        /// The name is empty.
        case empty
        /// The name is longer than 31 characters.
        case tooLong
        /// The name holds one of `[ ] : * ? / \`.
        case forbiddenCharacter
        /// The name starts or ends with an apostrophe.
        case apostropheAtEdge
        /// Another sheet has the name, ignoring case.
        case duplicate
        /// The name is `History`, which Excel keeps for change tracking.
        case reserved
    }
}

/// What a file that is not an XLSX package turned out to be.
public enum ForeignFileKind: String, Sendable, Equatable {
    /// Zero bytes.
    case empty
    /// An Office file protected by a password (an OLE2 container holding `EncryptedPackage`).
    case encryptedWorkbook
    /// A legacy Excel 97–2003 `.xls` workbook (an OLE2 container holding `Workbook` or `Book`).
    case legacyXLS
    /// Some other OLE2 compound file (an old Word document, say).
    case otherOLE2
    /// An Excel binary workbook (`.xlsb`): a ZIP package with `xl/workbook.bin`.
    case xlsb
    /// An OpenDocument spreadsheet (`.ods`).
    case ods
    /// A ZIP archive that is not an OOXML package.
    case otherZip
    /// An HTML page saved with a spreadsheet name.
    case html
    /// Excel 2003 XML Spreadsheet (SpreadsheetML) or other XML.
    case xml
    /// Comma- or tab-separated text saved with a spreadsheet name.
    case csv
    /// Something else.
    case unknown
}

/// The C libraries under the XLSX layer.
public enum CLibrary: String, Sendable, Hashable {
    /// zlib, for deflate and inflate.
    case zlib
    /// libxml2, for parsing XML.
    case libxml2
}

/// The language of a message.
public enum MessageLanguage: String, Sendable, CaseIterable {
    /// Vietnamese.
    case vi
    /// English.
    case en
}

extension XLSXError: CustomStringConvertible {
    /// The message in English, as a general library gives it; ``message(_:)`` gives either.
    public var description: String { message(.en) }

    /// The message in the given language, naming the file, part, cell or offset involved.
    public func message(_ language: MessageLanguage) -> String {
        let vi = language == .vi
        switch self {
        case let .inFile(path, inner):
            return "\(path): \(inner.message(language))"
        case let .io(path, reason):
            return vi ? "Không đọc/ghi được tệp \(path): \(reason)" : "Cannot read or write \(path): \(reason)"
        case let .notAWorkbook(kind):
            return vi ? kind.messageVI : kind.messageEN
        case let .corruptArchive(reason, offset):
            let at = offset.map { vi ? " (tại byte \($0))" : " (at byte \($0))" } ?? ""
            return vi ? "Tệp ZIP bị hỏng: \(reason)\(at)" : "The ZIP archive is corrupt: \(reason)\(at)"
        case let .corruptEntry(entry, reason):
            return vi ? "Phần \(entry) trong tệp bị hỏng: \(reason)" : "Entry \(entry) is corrupt: \(reason)"
        case let .checksumMismatch(entry, expected, actual):
            let e = String(expected, radix: 16), a = String(actual, radix: 16)
            return vi ? "Phần \(entry) bị hỏng: CRC-32 là \(a), tệp ghi \(e)"
                      : "Entry \(entry) is corrupt: CRC-32 is \(a), the archive records \(e)"
        case let .encryptedEntry(entry):
            return vi ? "Phần \(entry) được mã hóa ZIP; không đọc được" : "Entry \(entry) is ZIP-encrypted and cannot be read"
        case let .unsupportedCompression(entry, method):
            return vi ? "Phần \(entry) dùng kiểu nén \(method) không được hỗ trợ"
                      : "Entry \(entry) uses unsupported compression method \(method)"
        case let .limitExceeded(limit, entry, value, maximum):
            let whereVI = entry.map { " ở phần \($0)" } ?? "", whereEN = entry.map { " in \($0)" } ?? ""
            return vi ? "Vượt giới hạn \(limit.rawValue)\(whereVI): \(value) > \(maximum) (có thể là tệp độc hại; nới giới hạn nếu tệp đáng tin)"
                      : "Limit \(limit.rawValue) exceeded\(whereEN): \(value) > \(maximum) (possibly a hostile file; raise the limit if you trust it)"
        case let .missingPart(part):
            return vi ? "Thiếu phần \(part) trong tệp" : "The package has no part \(part)"
        case let .malformedXML(part, line, column, message):
            return vi ? "XML hỏng ở \(part) dòng \(line) cột \(column): \(message)"
                      : "Malformed XML in \(part) at line \(line), column \(column): \(message)"
        case let .forbiddenDTD(part):
            return vi ? "\(part) khai báo DTD, điều tệp Excel không bao giờ làm; từ chối để an toàn"
                      : "\(part) declares a DTD, which no Excel part does; refused for safety"
        case let .invalidContent(part, cell, message):
            let at = cell.map { vi ? " ô \($0)" : " cell \($0)" } ?? ""
            return vi ? "Nội dung không hợp lệ ở \(part)\(at): \(message)" : "Invalid content in \(part)\(at): \(message)"
        case let .sheetNotFound(name, available):
            let list = available.joined(separator: ", ")
            return vi ? "Không có trang tính \"\(name)\" (có: \(list))" : "No sheet named \"\(name)\" (there are: \(list))"
        case let .rowDecoding(sheet, cell, header, value, expected):
            guard let cell else {
                return vi ? "Trang \"\(sheet)\": không tìm thấy cột \"\(header)\" trong dòng tiêu đề"
                          : "Sheet \"\(sheet)\": no column \"\(header)\" in the header row"
            }
            let shown = value.map { "\"\($0)\"" } ?? (vi ? "(trống)" : "(empty)")
            return vi ? "Trang \"\(sheet)\", ô \(cell), cột \"\(header)\": giá trị \(shown) không phải \(expected)"
                      : "Sheet \"\(sheet)\", cell \(cell), column \"\(header)\": value \(shown) is not \(expected)"
        case let .invalidSheetName(name, problem):
            return vi ? "Tên trang tính \"\(name)\" không hợp lệ: \(problem.messageVI)"
                      : "Invalid sheet name \"\(name)\": \(problem.messageEN)"
        case let .invalidCellReference(ref):
            return vi ? "Tham chiếu ô không hợp lệ hoặc ngoài lưới của Excel (1.048.576 dòng × 16.384 cột): \(ref)"
                      : "Invalid cell reference or outside Excel's grid (1,048,576 rows × 16,384 columns): \(ref)"
        case let .stringTooLong(cell, length):
            return vi ? "Ô \(cell) có \(length) ký tự; Excel chỉ cho phép 32.767"
                      : "Cell \(cell) holds \(length) characters; Excel allows 32,767"
        case let .invalidOperation(message):
            return vi ? "Thao tác không hợp lệ: \(message)" : "Invalid operation: \(message)"
        case let .cLibrary(library, function, code, part):
            let at = part.map { vi ? " (phần \($0))" : " (part \($0))" } ?? ""
            return vi ? "Thư viện \(library.rawValue) báo lỗi: \(function) trả về \(code)\(at); có thể thiếu bộ nhớ hoặc thư viện cài hỏng"
                : "\(library.rawValue) failed: \(function) returned \(code)\(at); memory may be exhausted or the library broken"
        case .stopped:
            return vi ? "Việc đọc đã bị dừng" : "Reading was stopped"
        case let .missingTemplateValue(sheet, cell, name):
            return vi ? "Thiếu dữ liệu cho {{\(name)}} ở ô \(sheet)!\(cell)"
                : "No data for {{\(name)}} in cell \(sheet)!\(cell)"
        case let .invalidTemplate(sheet, cell, message):
            return vi ? "Mẫu không hợp lệ ở ô \(sheet)!\(cell): \(message)"
                : "Invalid template at cell \(sheet)!\(cell): \(message)"
        }
    }

    /// The error with its file named, unless a file is named already.
    public func located(in path: String) -> XLSXError {
        if case .inFile = self { return self }
        return .inFile(path: path, self)
    }
}

extension ForeignFileKind {
    var messageVI: String {
        switch self {
        case .empty: return "Tệp rỗng (0 byte), không phải sổ tính Excel"
        case .encryptedWorkbook: return "Sổ tính được bảo vệ bằng mật khẩu; hãy mở trong Excel, bỏ mật khẩu và lưu lại"
        case .legacyXLS: return "Đây là tệp Excel 97–2003 (.xls); hãy mở trong Excel và lưu thành .xlsx"
        case .otherOLE2: return "Đây là tệp Office cũ (OLE2), không phải sổ tính .xlsx"
        case .xlsb: return "Đây là sổ tính nhị phân (.xlsb); hãy lưu lại thành .xlsx"
        case .ods: return "Đây là bảng tính OpenDocument (.ods); hãy lưu lại thành .xlsx"
        case .otherZip: return "Tệp ZIP này không phải sổ tính .xlsx"
        case .html: return "Đây là trang HTML được đặt tên như sổ tính; hãy mở trong Excel và lưu thành .xlsx"
        case .xml: return "Đây là tệp XML (có thể là XML Spreadsheet 2003), không phải .xlsx"
        case .csv: return "Đây là tệp văn bản/CSV được đặt tên như sổ tính; hãy mở trong Excel và lưu thành .xlsx"
        case .unknown: return "Không phải sổ tính .xlsx (không nhận ra định dạng)"
        }
    }

    var messageEN: String {
        switch self {
        case .empty: return "The file is empty (0 bytes), not an Excel workbook"
        case .encryptedWorkbook: return "The workbook is protected by a password; open it in Excel, remove the password and save it again"
        case .legacyXLS: return "This is an Excel 97–2003 workbook (.xls); open it in Excel and save it as .xlsx"
        case .otherOLE2: return "This is a legacy Office (OLE2) file, not an .xlsx workbook"
        case .xlsb: return "This is a binary workbook (.xlsb); save it again as .xlsx"
        case .ods: return "This is an OpenDocument spreadsheet (.ods); save it again as .xlsx"
        case .otherZip: return "This ZIP archive is not an .xlsx workbook"
        case .html: return "This is an HTML page named like a workbook; open it in Excel and save it as .xlsx"
        case .xml: return "This is an XML file (perhaps XML Spreadsheet 2003), not an .xlsx workbook"
        case .csv: return "This is text or CSV named like a workbook; open it in Excel and save it as .xlsx"
        case .unknown: return "Not an .xlsx workbook (format not recognised)"
        }
    }
}

extension XLSXError.SheetNameProblem {
    var messageVI: String {
        switch self {
        case .empty: return "tên rỗng"
        case .tooLong: return "dài quá 31 ký tự"
        case .forbiddenCharacter: return "chứa ký tự cấm ([ ] : * ? / \\)"
        case .apostropheAtEdge: return "bắt đầu hoặc kết thúc bằng dấu '"
        case .duplicate: return "trùng tên trang khác (không phân biệt hoa thường)"
        case .reserved: return "\"History\" là tên Excel dành riêng"
        }
    }

    var messageEN: String {
        switch self {
        case .empty: return "it is empty"
        case .tooLong: return "it is longer than 31 characters"
        case .forbiddenCharacter: return "it contains one of [ ] : * ? / \\"
        case .apostropheAtEdge: return "it starts or ends with an apostrophe"
        case .duplicate: return "another sheet has the same name (ignoring case)"
        case .reserved: return "\"History\" is reserved by Excel"
        }
    }
}
