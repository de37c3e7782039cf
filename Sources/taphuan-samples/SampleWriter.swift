import TrainingOps
import XLSX

/// Writes a sample workbook with the XLSX writer.
enum SampleWriter {
    static func write(_ book: SampleWorkbook, to path: String) throws {
        throw SamplesError("the XLSX writer is not available on this branch yet: cannot write \(path)")
    }
}
