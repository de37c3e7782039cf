import XLSX

/// Writes the shared workload's shape: ROWS × 10 columns.
func writeBench(_ arguments: [String]) throws {
    throw XLSXError.invalidOperation("xlsx-bench write: the writer is not built yet")
}
