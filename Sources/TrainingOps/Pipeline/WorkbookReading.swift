import Foundation
import XLSX

/// Reading the workbooks of a check: each file's sheets decoded as their rows stream in, files
/// in parallel, at most one task per core, in the order given.
enum WorkbookReading {
    /// One sheet of a workbook once read.
    enum Part: Sendable {
        /// The settings sheet, whole.
        case settings(SheetGrid)
        /// The records of any other sheet.
        case data(Records)
        /// The file could not be read (``OfficeCheck/UnreadableFiles/report``).
        case unreadable(ImportFinding)
    }

    /// A sheet's records, boxed so that they can be taken out whole: the dataset taken is then
    /// the only holder of its lists, which the merge moves rather than copies record by record.
    final class Records: @unchecked Sendable {
        private var data: Dataset

        init(_ data: Dataset) { self.data = data }

        /// The records; the box is empty afterwards. Called once, by the thread merging the sheets.
        func take() -> Dataset {
            var taken = Dataset()
            swap(&taken, &data)
            return taken
        }
    }

    /// The sheets of one workbook; a file the reader refuses stops the check or becomes a
    /// finding, as `unreadable` says.
    static func read(_ file: WorkbookFile, unreadable: OfficeCheck.UnreadableFiles,
                     vocabulary: ColumnVocabulary = .standard) throws(CheckFailure) -> [Part] {
        do {
            return try Dataset.importSheets(of: file.url, file: file.name, keepWhole: Settings.isSettingsSheet, vocabulary: vocabulary).map {
                switch $0 {
                case .grid(let grid): return .settings(grid)
                case .data(let data): return .data(Records(data))
                }
            }
        } catch {
            let failure = (error as? XLSXError).map { CheckFailure($0, file: file.name) }
                ?? CheckFailure(vi: "\(file.name): \(error)", en: "\(file.name): \(error)")
            switch unreadable {
            case .stop: throw failure
            case .report:
                return [.unreadable(ImportFinding(.unreadableFile, file: file.name,
                                                  message: "Không đọc được file: \(failure.vi)", messageEnglish: "Cannot read the file: \(failure.en)"))]
            }
        }
    }

    /// Every file's sheets, read in parallel, at most one task per core, kept in order.
    static func readAll(_ files: [WorkbookFile], unreadable: OfficeCheck.UnreadableFiles, vocabulary: ColumnVocabulary = .standard,
                        progress: (@Sendable (Int, Int) -> Void)?) async throws -> [[Part]] {
        var results = [[Part]](repeating: [], count: files.count)
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        try await withThrowingTaskGroup(of: (Int, [Part]).self) { group in
            var next = 0, done = 0
            func submit() {
                let i = next, file = files[i]
                next += 1
                group.addTask {
                    try Task.checkCancellation()
                    return (i, try read(file, unreadable: unreadable, vocabulary: vocabulary))
                }
            }
            while next < min(width, files.count) { submit() }
            while let (i, parts) = try await group.next() {
                results[i] = parts
                done += 1
                progress?(done, files.count)
                if next < files.count { submit() }
            }
        }
        return results
    }
}
