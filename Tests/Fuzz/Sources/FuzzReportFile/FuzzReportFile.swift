import Foundation
import Platform

/// Lysekil's shipped kommun file, which the rows are checked against.
let config: KommunConfig = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    guard let config = KommunConfigLoader().load(path: root.appendingPathComponent("municipalities/lysekil.yaml").path).config else {
        fatalError("municipalities/lysekil.yaml does not load")
    }
    return config
}()
let today = CalendarDate(year: 2026, month: 11, day: 24)!
/// Small limits, so the fuzzer reaches them.
let limits = ReportLimits(recordBytes: 4096, columns: 40, fieldBytes: 1024, jsonBytes: 64 << 10)
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-report-\(getpid())")

/// libFuzzer's entry: the first byte picks the format (`j` a JSON array, `l` JSON Lines, anything else CSV;
/// the seeds in Tests/Fuzz/corpus/report-file start so), the rest is the file.
/// Every row is read, checked with and without redaction, and its text run through the privacy guard.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReportFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent(data[0] == UInt8(ascii: "j") ? "r.json" : data[0] == UInt8(ascii: "l") ? "r.jsonl" : "r.csv")
    guard (try? Data(bytes: data + 1, count: size - 1).write(to: file)) != nil else { return 0 }
    let refusing = ReportValidator(config: config, today: today)
    let redacting = ReportValidator(config: config, today: today, privacy: .redact)
    do {
        let reader = try ReportFileReader(path: file.path, limits: limits)
        while let raw = try reader.next() {
            _ = refusing.check(raw)
            _ = redacting.check(raw)
            for value in raw.values {
                guard let value else { continue }
                _ = PrivacyGuard.findings(in: value)
                _ = PrivacyGuard.redacted(value)
            }
        }
    } catch {
        _ = error.headline
    }
    return 0
}
