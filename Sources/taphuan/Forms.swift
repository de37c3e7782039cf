import ArgumentParser
import Foundation
import TrainingOps
import XLSX

/// `taphuan forms`: the forms of one course, pre-filled, ready to send to the trainer.
struct Forms: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forms",
        abstract: "Tạo biểu mẫu cho một khóa: kiểm tra trước ngày học và báo cáo từng buổi (Write a course's forms).",
        discussion: """
            Reads the office's workbooks, finds the course on the handover sheet and writes a workbook with three sheets: "Danh sách kiểm tra", the printable day-before checklist with the items of the course's mode (in person: the room, Wi-Fi, projector…; online: Zoom), one item a line with a drop-down (Có/Không) or bounds on each answer; "Chuẩn bị trước TH", the importer's one-row layout filled from those answers by formulas; and "Báo cáo trong TH", one row per session (Sáng and Chiều of every training day) with the course, date, session and trainer filled in and drop-downs for the answers. The rules a form can check by itself colour its cells as they are typed (a day-before check dated too late; a session started, plus the grace minutes, whose row is still empty), following the settings in force, and a "Chú giải" sheet explains the colours; the sheets are protected without password, except the cells to fill. The filled workbook is read back by `taphuan validate` like any other.

            Examples:
              taphuan forms --course N1-2611-01 samples
              taphuan forms --course N2-2612-03 -o "Bieu mau N2-2612-03.xlsx" samples
            """
    )

    @Option(help: "Course id (Mã khóa).")
    var course: String

    @Option(name: .shortAndLong, help: "Output workbook (default: \"Bieu mau <course>.xlsx\").")
    var output: String?

    @Flag(help: "Replace an existing output file.")
    var force = false

    @OptionGroup var language: LanguageOption

    @Argument(help: "Workbooks or folders to read (default: the current folder).")
    var paths: [String] = []

    func run() async throws {
        print(try await execute())
    }

    /// Writes the forms; returns the output path.
    func execute() async throws -> String {
        let lang = language.lang
        let office = try await checkOffice(paths, asOf: nil, settings: nil, lang: lang)
        guard let book = try FormsWorkbook.workbook(course: course, data: office.data, settings: office.settings.settings) else {
            throw ValidationError(lang.pick("Không có khóa \"\(course)\" trên bảng bàn giao", "No course \"\(course)\" on the handover plan"))
        }
        let out = output ?? FileName.forms(course: course)
        if !force, FileManager.default.fileExists(atPath: out) {
            throw ValidationError(lang.pick("\(out) đã có; dùng --force để ghi đè", "\(out) exists; --force replaces it"))
        }
        try book.write(to: out, replaceExisting: force)
        return out
    }
}
