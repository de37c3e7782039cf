import ArgumentParser
import Foundation
import XLSX

/// Fills a workbook template from a JSON document.
struct Fill: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Điền dữ liệu JSON vào một sổ tính mẫu (template).",
        discussion: """
            Replaces {{name}} placeholders in the template's cells with values from the JSON \
            document and repeats the rows between {{#list}} and {{/list}} marker rows once per \
            item of the list, moving everything below (merges, formulas, charts, tables, \
            validations, print area) down with them. Every part of the workbook the fill does not \
            need to change is copied byte for byte, so a workbook without placeholders comes out \
            unchanged. The template language is described in docs/templates.md.

            Examples:
              taphuan fill templates/bao-cao-tuan.xlsx --data templates/bao-cao-tuan.json -o bao-cao-48.xlsx
              taphuan fill templates/bao-cao-tuan.xlsx --data '{"week": 49, "team": "Nhóm 2"}' --allow-missing -o nhap.xlsx
              taphuan fill report.xlsx --data '{}' -o copy.xlsx
            """
    )

    @Argument(help: "The template workbook (.xlsx or .xlsm).")
    var template: String

    @Option(name: .long, help: "The data: a JSON file, or a JSON document given inline ('{...}').")
    var data: String

    @Option(name: [.customShort("o"), .long], help: "The workbook to write.")
    var output: String

    @Flag(name: .long, help: "Leave cells empty (and a missing list as one blank row) when their data is missing, instead of stopping.")
    var allowMissing = false

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    @OptionGroup var language: LanguageOption

    @Flag(name: .long, help: ArgumentHelp("Stream every sheet through the rewriter, to check the engine.", visibility: .hidden))
    var rewriteAll = false

    /// Whether `error` (perhaps wrapped with the template's path) is a placeholder without data.
    static func isMissingValue(_ error: XLSXError) -> Bool {
        switch error {
        case .missingTemplateValue: return true
        case .inFile(_, let inner): return isMissingValue(inner)
        default: return false
        }
    }

    func run() throws {
        let lang = language.lang
        let json: Data
        let trimmed = data.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            json = Data(trimmed.utf8)
        } else {
            guard let contents = FileManager.default.contents(atPath: data) else {
                throw ValidationError(lang.pick("Không đọc được tệp dữ liệu \(data): kiểm tra đường dẫn, hoặc đưa JSON trực tiếp, ví dụ --data '{\"week\": 48}'",
                                                "Cannot read the data file \(data): check the path, or give the JSON inline, e.g. --data '{\"week\": 48}'"))
            }
            json = contents
        }
        let value: TemplateValue
        do {
            value = try TemplateValue(json: json)
        } catch {
            throw ValidationError(lang.pick("Dữ liệu JSON không hợp lệ (\(data)): \(error.localizedDescription)", "Invalid JSON data (\(data)): \(error.localizedDescription)"))
        }
        if !force && FileManager.default.fileExists(atPath: output) {
            throw ValidationError(lang.pick("Tệp \(output) đã có; dùng --force để ghi đè", "\(output) exists; --force replaces it"))
        }
        do {
            var options = TemplateFillOptions(missing: allowMissing ? .empty : .error, replaceExisting: force)
            options.rewriteAllSheets = rewriteAll
            let report = try WorkbookTemplate.fill(template: template, data: value, output: output, options: options)
            print(lang.pick("\(output): \(report.rewrittenParts.count) phần ghi lại, \(report.copiedParts.count) phần giữ nguyên, \(report.rowsWritten) dòng",
                            "\(output): \(report.rewrittenParts.count) parts rewritten, \(report.copiedParts.count) kept, \(report.rowsWritten) rows"))
        } catch let error as XLSXError {
            if Self.isMissingValue(error) {
                throw ValidationError(error.message(lang.messages) + lang.pick(" — thêm giá trị này vào dữ liệu JSON, hoặc dùng --allow-missing để để trống",
                                                                      " — add this value to the JSON data, or use --allow-missing to leave it empty"))
            }
            throw ValidationError(error.message(lang.messages))
        }
    }
}

extension TemplateValue {
    /// Reads a JSON document.
    init(json: Data) throws {
        self = TemplateValue(any: try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed]))
    }

    private init(any: Any) {
        switch any {
        case let n as NSNumber:
            let kind = String(cString: n.objCType)
            if kind == "c" || kind == "B" { self = .bool(n.boolValue) } else { self = .number(n.doubleValue) }
        case let s as String: self = .string(s)
        case let a as [Any]: self = .array(a.map(TemplateValue.init(any:)))
        case let o as [String: Any]: self = .object(o.mapValues(TemplateValue.init(any:)))
        default: self = .null
        }
    }
}
