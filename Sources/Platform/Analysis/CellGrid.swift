/// The reports a lägesbild reads, summed per period × area × indicator in one flat array.
///
/// Areas and indicators are the kommun file's, by position; cells of ids the file no longer has are left
/// out (nothing in a lägesbild shows them). Positions rather than `[Period: [id: …]]` dictionaries because
/// the compiler reads every area × indicator × period: string-keyed look-ups were a tenth of a lägesbild's
/// time (measured, `docs/benchmarks.md`).
struct CellGrid {
    /// Sum, highest value and rows of one period, area and indicator.
    struct Bucket {
        var sum = 0
        var max = Int.min
        var rows = 0
    }

    let periods: [Period]
    let areaCount: Int
    let indicatorCount: Int
    private let areaIndex: [String: Int]
    private let indicatorIndex: [String: Int]
    /// The periods' first and last day numbers, for placing a day without calendar arithmetic.
    private let spans: [(first: Int, last: Int)]
    private var buckets: [Bucket]
    /// Whether any report fell in each period, whatever its area or indicator: a period with none is no data.
    private(set) var periodHasReports: [Bool]

    init(periods: [Period], areas: [String], indicators: [String]) {
        self.periods = periods
        areaCount = areas.count
        indicatorCount = indicators.count
        areaIndex = Dictionary(areas.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        indicatorIndex = Dictionary(indicators.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        spans = periods.map { ($0.start.dayNumber, $0.end.dayNumber) }
        buckets = Array(repeating: Bucket(), count: periods.count * areas.count * indicators.count)
        periodHasReports = Array(repeating: false, count: periods.count)
    }

    /// Adds one report to the first of `periods` that holds its date.
    mutating func add(_ report: ReportValue) {
        let day = report.date.dayNumber
        guard let period = spans.firstIndex(where: { $0.first <= day && day <= $0.last }) else { return }
        periodHasReports[period] = true
        guard let area = areaIndex[report.area], let indicator = indicatorIndex[report.indicator] else { return }
        let index = position(period, area, indicator)
        buckets[index].sum += report.value
        buckets[index].max = Swift.max(buckets[index].max, report.value)
        buckets[index].rows += 1
    }

    /// The position of `period`, which must be one of `periods`.
    func index(of period: Period) -> Int {
        guard let index = periods.firstIndex(of: period) else { preconditionFailure("\(period) is not in the grid") }
        return index
    }

    /// What was stored for a period, area and indicator (by position), or nil when nothing was.
    func bucket(period: Int, area: Int, indicator: Int) -> Bucket? {
        let bucket = buckets[position(period, area, indicator)]
        return bucket.rows > 0 ? bucket : nil
    }

    private func position(_ period: Int, _ area: Int, _ indicator: Int) -> Int {
        (period * areaCount + area) * indicatorCount + indicator
    }
}
