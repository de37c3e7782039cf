import ArgumentParser
import Foundation
import TrainingOps

/// `taphuan template`: blank input workbooks.
struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Tạo sổ tính trống để nhập liệu (Write blank input workbooks).",
        discussion: """
            Writes one blank workbook per sheet kind into the output folder: the headers of the kind, a frozen header row, column widths, date and text formats, drop-down lists for the closed lists and yes/no, an input message on every column, an instructions sheet ("Hướng dẫn") explaining each column in Vietnamese, and the process rules the workbook can check by itself as conditional formats (a late date turns red as it is typed), explained on a "Chú giải" sheet; each list is an Excel table with its header protected (no password). The rules follow the default settings, or those of --settings FILE.json; the rules that compare sheets (staff plan, tracking, day-before check, units against the handover's dates) need the handover sheet in the same workbook (--single). Kinds are named by their key (handover, units, staffPlan, tracking, preCheck, sessionReport, opinions, dailyLog, reportLog) or their sheet name ("Bàn giao kế hoạch"); none means all. Existing files are kept unless --force is given.

            Examples:
              taphuan template -o mau
              taphuan template handover units -o mau
              taphuan template --single "Mau nhap lieu.xlsx" -o mau
              taphuan template --single "Mau nhap lieu.xlsx" -o mau --settings settings.json
            """
    )

    @Argument(help: "Sheet kinds to write (default: all).")
    var kinds: [String] = []

    @Option(name: .shortAndLong, help: "Folder to write into (created if needed).")
    var output: String

    @Option(help: "Write all the kinds into one workbook with this file name instead.")
    var single: String?

    @Option(help: "A JSON file of settings (thresholds) the live rules follow instead of the defaults.")
    var settings: String?

    @Flag(help: "Replace existing files.")
    var force = false

    @OptionGroup var language: LanguageOption

    func run() throws {
        var chosen: [SheetType] = []
        for word in kinds {
            guard let kind = SheetType.named(word) else {
                let known = SheetType.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError(language.lang.pick("Không có loại sheet \"\(word)\". Các loại: \(known)", "No sheet kind \"\(word)\". Kinds: \(known)"))
            }
            if !chosen.contains(kind) { chosen.append(kind) }
        }
        if chosen.isEmpty { chosen = SheetType.allCases }
        var inForce = Settings()
        if let file = settings {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError(language.lang.pick("Không đọc được tệp cấu hình \(file).", "Cannot read the settings file \(file)."))
            }
            inForce = try Settings.load(json: data, file: file)
        }
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let jobs: [(String, [SheetType])] = single.map { [($0, chosen)] } ?? chosen.map { (Self.fileName($0), [$0]) }
        for (name, kinds) in jobs {
            let path = (output as NSString).appendingPathComponent(name)
            try BlankWorkbook.write(kinds, to: path, settings: inForce, replaceExisting: force)
            print(path)
        }
    }

    /// `Bàn giao kế hoạch` → `Ban giao ke hoach.xlsx`.
    static func fileName(_ kind: SheetType) -> String { FileName.blankWorkbook(kind) }
}
